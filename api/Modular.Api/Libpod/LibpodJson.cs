using System.Text.Json.Nodes;

namespace Modular.Api.Libpod;

/// <summary>Reshaping the CLI's JSON output where a route answers one object, not a list.</summary>
public static class LibpodJson
{
    /// <summary>The first element of a JSON array (inspect prints one), or the text when not an array.</summary>
    public static string First(string json)
    {
        var node = JsonNode.Parse(json);
        return node is JsonArray { Count: > 0 } array ? array[0]!.ToJsonString() : json;
    }
}
