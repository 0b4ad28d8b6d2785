using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>The libpod list and inspect bodies read back into the engine's ContainerInfo.</summary>
internal static class ContainerJson
{
    /// <summary>One entry of GET /libpod/containers/json.</summary>
    public static ContainerInfo FromListEntry(JsonObject entry) => new(
        Text(entry, "Id"),
        (entry["Names"] as JsonArray)?.FirstOrDefault()?.ToString() ?? "",
        Text(entry, "ImageID"),
        Text(entry, "Image"),
        Strings(entry["Command"]),
        Time(entry["Created"]) ?? DateTimeOffset.UnixEpoch,
        Text(entry, "State"),
        Number(entry["ExitCode"]),
        Number(entry["Pid"]) is > 0 and var pid ? pid : null,
        Time(entry["StartedAt"]),
        Time(entry["ExitedAt"]),
        Flag(entry["AutoRemove"]),
        "",
        Labels(entry["Labels"]),
        Ports(entry["Ports"]),
        null,
        Strings(entry["Networks"]),
        "",
        Number(entry["Restarts"]) ?? 0,
        Text(entry, "Status"),
        Text(entry, "Pod"),
        Text(entry, "PodName"),
        Flag(entry["IsInfra"]));

    /// <summary>GET /libpod/containers/{name}/json, for one container's record.</summary>
    public static ContainerInfo FromInspect(JsonObject inspect)
    {
        var state = inspect["State"] as JsonObject ?? [];
        var config = inspect["Config"] as JsonObject ?? [];
        var host = inspect["HostConfig"] as JsonObject ?? [];
        var command = Strings(config["Cmd"]);
        return new ContainerInfo(
            Text(inspect, "Id"),
            Text(inspect, "Name"),
            Text(inspect, "Image"),
            Text(inspect, "ImageName"),
            command,
            Time(inspect["Created"]) ?? DateTimeOffset.UnixEpoch,
            Text(state, "Status"),
            Number(state["ExitCode"]),
            Number(state["Pid"]) is > 0 and var pid ? pid : null,
            Time(state["StartedAt"]),
            Time(state["FinishedAt"]),
            Flag(host["AutoRemove"]),
            Text(inspect, "OCIRuntime"),
            Labels(config["Labels"]),
            RestartPolicy: host["RestartPolicy"]?["Name"]?.ToString() ?? "",
            RestartCount: Number(inspect["RestartCount"]) ?? 0,
            HealthStatus: state["Health"]?["Status"]?.ToString() ?? "",
            Pod: Text(inspect, "Pod"),
            IsInfra: Flag(inspect["IsInfra"]));
    }

    private static IReadOnlyList<PortMapping>? Ports(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>().Select(port => new PortMapping(
            Text(port, "host_ip"),
            Number(port["container_port"]) ?? 0,
            Number(port["host_port"]) ?? 0,
            Number(port["range"]) ?? 1,
            Text(port, "protocol"))).ToList();

    private static Dictionary<string, string> Labels(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").ToList();

    private static string Text(JsonObject json, string key) => json[key]?.ToString() ?? "";

    private static bool Flag(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var number) ? (int)number : null;

    // Times come as RFC 3339 text or as Unix seconds; Go's zero time and <= 0 mean "never".
    private static DateTimeOffset? Time(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<long>(out var seconds))
        {
            return seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }

        var text = node?.ToString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && time.Year > 1
            ? time
            : null;
    }
}
