using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>The parts of an OCI/Docker image config JSON the engine reads.</summary>
public sealed record ImageConfigDocument(
    JsonObject Root,
    ImageConfig Config,
    DateTimeOffset Created,
    string Os,
    string Architecture,
    IReadOnlyList<string> DiffIds)
{
    /// <summary>Parses a config blob.</summary>
    /// <exception cref="InvalidInputException">Not a JSON object, or diff_ids malformed.</exception>
    public static ImageConfigDocument Parse(byte[] blob)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(blob) as JsonObject
                ?? throw new InvalidInputException("image config is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"invalid image config: {e.Message}", e);
        }

        var diffIds = (root["rootfs"]?["diff_ids"] as JsonArray ?? [])
            .Select(n => n?.GetValue<string>() ?? "").ToList();
        if (diffIds.Any(d => !Digests.IsValid(d)))
        {
            throw new InvalidInputException("image config lists an invalid diff id");
        }

        return new ImageConfigDocument(
            root,
            ReadRuntimeConfig(root["config"] as JsonObject),
            ReadCreated(root),
            Text(root, "os") ?? "linux",
            Text(root, "architecture") ?? "",
            diffIds);
    }

    private static ImageConfig ReadRuntimeConfig(JsonObject? c) => new(
        c is null ? null : Text(c, "User"),
        Strings(c?["Env"]) ?? [],
        Strings(c?["Entrypoint"]),
        Strings(c?["Cmd"]),
        c is null ? null : Text(c, "WorkingDir"),
        (c?["Labels"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")
            ?? new Dictionary<string, string>(),
        (c?["ExposedPorts"] as JsonObject)?.Select(p => p.Key).ToList() ?? [],
        c is null ? null : Text(c, "StopSignal"),
        (c?["Volumes"] as JsonObject)?.Select(p => p.Key).ToList(),
        Health.ImageHealthcheck.Read(c?["Healthcheck"] as JsonObject));

    private static DateTimeOffset ReadCreated(JsonObject root) =>
        DateTimeOffset.TryParse(Text(root, "created"), out var created) ? created : DateTimeOffset.UnixEpoch;

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(n => n?.ToString() ?? "").ToList() : null;
}
