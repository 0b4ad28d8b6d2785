using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Cli.Templates;

/// <summary>
/// Go's fmt.Sprintf for the verbs templates use: %s %v %d %q %t %f %x %%, with flags
/// '-' and '0' and a width and precision.
/// </summary>
public static class GoFormat
{
    public static string Sprintf(string format, IReadOnlyList<JsonNode?> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                sb.Append(format[i]);
                continue;
            }

            i = FormatOne(format, i + 1, args, ref next, sb);
        }

        return sb.ToString();
    }

    /// <summary>Formats one directive starting after '%'; returns the index of its verb.</summary>
    private static int FormatOne(
        string format,
        int i,
        IReadOnlyList<JsonNode?> args,
        ref int next,
        StringBuilder sb)
    {
        var left = false;
        var zero = false;
        for (; i < format.Length && format[i] is '-' or '0' or '+' or ' ' or '#'; i++)
        {
            left |= format[i] == '-';
            zero |= format[i] == '0';
        }

        var width = ReadNumber(format, ref i);
        int? precision = null;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            precision = ReadNumber(format, ref i) ?? 0;
        }

        if (i >= format.Length)
        {
            sb.Append("%!(NOVERB)");
            return i;
        }

        var verb = format[i];
        if (verb == '%')
        {
            sb.Append('%');
            return i;
        }

        if (next >= args.Count)
        {
            sb.Append("%!").Append(verb).Append("(MISSING)");
            return i;
        }

        var text = Verb(verb, args[next++], precision);
        sb.Append(PadTo(text, width ?? 0, left, zero && !left));
        return i;
    }

    private static int? ReadNumber(string format, ref int i)
    {
        var start = i;
        while (i < format.Length && char.IsDigit(format[i]))
        {
            i++;
        }

        return i > start ? int.Parse(format[start..i], CultureInfo.InvariantCulture) : null;
    }

    private static string Verb(char verb, JsonNode? arg, int? precision)
    {
        var text = TemplateValues.AsString(arg) ?? TemplateValues.Print(arg);
        return verb switch
        {
            's' or 'v' => precision is { } p && text.Length > p ? text[..p] : text,
            'd' when TemplateValues.TryNumber(arg, out var n) => ((long)n).ToString(CultureInfo.InvariantCulture),
            'f' when TemplateValues.TryNumber(arg, out var n) => n.ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
            'x' when TemplateValues.TryNumber(arg, out var n) => ((long)n).ToString("x", CultureInfo.InvariantCulture),
            'x' => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)),
            'q' => TemplateValues.Json(JsonValue.Create(text)),
            't' => text,
            _ => $"%!{verb}({text})",
        };
    }

    private static string PadTo(string text, int width, bool left, bool zero)
    {
        if (text.Length >= width)
        {
            return text;
        }

        var pad = new string(zero ? '0' : ' ', width - text.Length);
        return left ? text + pad : pad + text;
    }
}
