using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Images;

namespace Modular.Remote.Services;

/// <summary>Libpod image list entries and inspect bodies read back into LocalImage.</summary>
internal static class ImageJson
{
    public static LocalImage FromListEntry(JsonObject entry) => new(
        Text(entry, "Id"),
        Strings(entry["Names"]),
        Text(entry, "Digest"),
        Strings(entry["RepoDigests"]),
        Time(entry["Created"]),
        Long(entry["Size"]),
        "",
        [],
        Config(null, entry["Labels"]),
        "",
        "",
        "");

    public static LocalImage FromInspect(JsonObject inspect)
    {
        var config = inspect["Config"] as JsonObject;
        return new LocalImage(
            Text(inspect, "Id"),
            Strings(inspect["RepoTags"]),
            Text(inspect, "Digest"),
            Strings(inspect["RepoDigests"]),
            Time(inspect["Created"]),
            Long(inspect["Size"]),
            "",
            Strings(inspect["RootFS"]?["Layers"]),
            Config(config, config?["Labels"]),
            Text(inspect, "Os"),
            Text(inspect, "Architecture"),
            Text(inspect, "ManifestType"));
    }

    public static JsonArray Array(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode)JsonValue.Create(item)!).ToArray());

    public static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").ToList();

    private static ImageConfig Config(JsonObject? config, JsonNode? labels) => new(
        config?["User"]?.ToString(),
        Strings(config?["Env"]),
        config?["Entrypoint"] is JsonArray entrypoint ? Strings(entrypoint) : null,
        config?["Cmd"] is JsonArray cmd ? Strings(cmd) : null,
        config?["WorkingDir"]?.ToString(),
        (labels as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? ""),
        (config?["ExposedPorts"] as JsonObject ?? []).Select(pair => pair.Key).ToList(),
        config?["StopSignal"]?.ToString());

    private static string Text(JsonObject json, string key) => json[key]?.ToString() ?? "";

    private static long Long(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    private static DateTimeOffset Time(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<long>(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(
            node?.ToString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var time)
            ? time
            : DateTimeOffset.UnixEpoch;
    }
}
