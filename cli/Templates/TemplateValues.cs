using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Cli.Templates;

/// <summary>Go's view of JSON values: truth, printing (<c>%v</c>) and <c>json</c>.</summary>
public static class TemplateValues
{
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>Go's truth: false, 0, nil and empty strings, arrays and maps are false.</summary>
    public static bool IsTrue(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => v.ToJsonString() is not ("0" or "0.0"),
            _ => true,
        },
        _ => true,
    };

    /// <summary>Prints a value the way Go's fmt does with <c>%v</c>.</summary>
    public static string Print(JsonNode? node)
    {
        var sb = new StringBuilder();
        Print(node, sb);
        return sb.ToString();
    }

    public static string Json(JsonNode? node) =>
        node is null ? "null" : node.ToJsonString(CompactJson);

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool TryNumber(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(
                v.ToJsonString(),
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out number);
    }

    private static void Print(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null:
                sb.Append("<no value>");
                break;
            case JsonArray array:
                PrintArray(array, sb);
                break;
            case JsonObject obj when GoShapes.IsStruct(obj):
                PrintStruct(obj, sb);
                break;
            case JsonObject obj:
                PrintMap(obj, sb);
                break;
            case JsonValue value:
                sb.Append(PrintScalar(value));
                break;
        }
    }

    private static string PrintScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<nil>",
        _ => value.ToJsonString(),
    };

    private static void PrintArray(JsonArray array, StringBuilder sb)
    {
        sb.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            PrintNested(array[i], sb);
        }

        sb.Append(']');
    }

    private static void PrintMap(JsonObject obj, StringBuilder sb)
    {
        // Go prints maps with sorted keys: map[a:1 b:2].
        sb.Append("map[");
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? "" : " ").Append(key).Append(':');
            PrintNested(value, sb);
            first = false;
        }

        sb.Append(']');
    }

    private static void PrintStruct(JsonObject obj, StringBuilder sb)
    {
        // Go prints a struct's field values in declaration order: {RLIMIT_CORE -1 -1}.
        sb.Append('{');
        var first = true;
        foreach (var (_, value) in obj)
        {
            sb.Append(first ? "" : " ");
            PrintNested(value, sb);
            first = false;
        }

        sb.Append('}');
    }

    private static void PrintNested(JsonNode? node, StringBuilder sb)
    {
        if (node is null)
        {
            sb.Append("<nil>");
            return;
        }

        Print(node, sb);
    }
}
