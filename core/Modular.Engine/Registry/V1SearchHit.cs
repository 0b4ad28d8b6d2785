using System.Text.Json;

namespace Modular.Engine.Registry;

/// <summary>One result of a registry's v1 search endpoint (Docker Hub's JSON names).</summary>
public sealed record V1SearchHit(
    string Name,
    string Description,
    int StarCount,
    bool IsOfficial,
    bool IsAutomated)
{
    public static V1SearchHit From(JsonElement hit) => new(
        Text(hit, "name"),
        Text(hit, "description"),
        hit.TryGetProperty("star_count", out var stars) && stars.TryGetInt32(out var n) ? n : 0,
        Flag(hit, "is_official"),
        Flag(hit, "is_automated"));

    private static string Text(JsonElement hit, string key) =>
        hit.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    private static bool Flag(JsonElement hit, string key) =>
        hit.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.True;
}
