using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Modular.Engine.Kube;

/// <summary>
/// Writes a JSON tree as the block YAML Podman's generator prints: Podman marshals the
/// Kubernetes objects to JSON and re-encodes that as YAML, so map keys come out sorted,
/// sequences sit at their key's indentation ("key:\n- item"), empty collections are
/// "{}" / "[]", and a string that would read back as another type is double-quoted.
/// </summary>
public static partial class KubeYamlWriter
{
    /// <summary>One YAML document for <paramref name="node"/>, ending in a newline.</summary>
    public static string Write(JsonNode node)
    {
        var text = new StringBuilder();
        WriteValue(text, node, 0, inSequence: false);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, JsonNode? node, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                WriteMap(text, map, indent, inSequence);
                break;
            case JsonArray list when list.Count > 0:
                WriteList(text, list, indent);
                break;
            default:
                text.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteMap(StringBuilder text, JsonObject map, int indent, bool inSequence)
    {
        var first = true;
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // The first key of a map inside a sequence shares the "- " line.
            if (!(first && inSequence))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(Plain(key)).Append(':');
            WriteChild(text, value, nestedIndent: indent + 2, listIndent: indent);
        }
    }

    private static void WriteList(StringBuilder text, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is JsonArray { Count: > 0 } inner)
            {
                text.Append('\n');
                WriteList(text, inner, indent + 2);
                continue;
            }

            text.Append(' ');
            WriteValue(text, item, indent + 2, inSequence: true);
        }
    }

    private static void WriteChild(
        StringBuilder text,
        JsonNode? value,
        int nestedIndent,
        int listIndent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } child:
                text.Append('\n');
                WriteMap(text, child, nestedIndent, inSequence: false);
                break;
            case JsonArray { Count: > 0 } child:
                text.Append('\n');
                WriteList(text, child, listIndent);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Plain(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
            value.GetValue<bool>() ? "true" : "false",
        _ => node.ToJsonString(),
    };

    /// <summary>A string as YAML writes it: plain when it reads back as the same string.</summary>
    private static string Plain(string value)
    {
        if (value.Length == 0 || ReadsAsOtherType(value) || value.Contains('\n'))
        {
            return DoubleQuoted(value);
        }

        return NeedsQuotes(value) ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'" : value;
    }

    // Booleans of YAML 1.1, null, numbers and timestamps would not read back as strings.
    private static bool ReadsAsOtherType(string value) =>
        OtherTypeWords.Contains(value)
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || TimestampPattern().IsMatch(value);

    private static readonly HashSet<string> OtherTypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", ".nan",
    };

    private static bool NeedsQuotes(string value) =>
        value[0] is ' ' or '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&'
            or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
            && !(value[0] == '-' && value.Length > 1 && value[1] != ' ')
        || value[^1] is ' ' or ':'
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.Any(c => char.IsControl(c));

    private static string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^\d{4}-\d\d?-\d\d?([Tt ].*)?$")]
    private static partial Regex TimestampPattern();
}
