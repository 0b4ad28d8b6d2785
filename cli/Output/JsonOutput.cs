using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Cli.Output;

/// <summary>JSON as Podman prints it: indented by four spaces, HTML characters left as is.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray(items.Select(i => i?.DeepClone()).ToArray());
        return array.ToJsonString(Indented);
    }

    public static string Value(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    /// <summary>True when --format asks for Podman's JSON array rather than a template.</summary>
    public static bool IsJsonFormat(string? format) =>
        format is not null && format.Trim().Equals("json", StringComparison.OrdinalIgnoreCase);
}
