using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Cli.Output;

/// <summary>
/// Podman prints <c>info</c> as YAML by default. This writes the simple YAML subset that
/// JSON maps onto (maps, lists, scalars, strings quoted only when YAML would misread them).
/// </summary>
public static class YamlWriter
{
    /// <summary>Keeps quotes, &lt; and &gt; as themselves: YAML needs only JSON's own escapes.</summary>
    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteNode(node, 0, sb);
        return sb.ToString();
    }

    private static void WriteNode(JsonNode? node, int indent, StringBuilder sb)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    sb.Append(' ', indent).Append(key).Append(':');
                    WriteChild(value, indent + 2, sb);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    sb.Append(' ', indent).Append('-');
                    WriteChild(item, indent + 2, sb);
                }

                break;
            default:
                sb.Append(' ', indent).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(JsonNode? value, int indent, StringBuilder sb)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            sb.Append('\n');
            WriteNode(value, indent, sb);
            return;
        }

        var text = value switch
        {
            JsonObject => "{}",
            JsonArray => "[]",
            _ => Scalar(value),
        };
        sb.Append(' ').Append(text).Append('\n');
    }

    private static string Scalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return "null";
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return value.ToJsonString(Relaxed);
        }

        var s = value.GetValue<string>();
        var plain = s.Length > 0 && !s.Any(c => ":#{}[],&*!|>'\"%@`\n".Contains(c))
            && s.Trim() == s && s is not ("true" or "false" or "null" or "yes" or "no")
            && !double.TryParse(s, out _);
        return plain ? s : value.ToJsonString(Relaxed);
    }
}
