using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Pods;

namespace Modular.Remote.Services;

/// <summary>The libpod pod list entries and inspect objects read back into the engine's PodView.</summary>
internal static class PodJson
{
    /// <summary>One entry of GET /libpod/pods/json (the CLI's <c>pod ps --format json</c> object).</summary>
    public static PodView FromListEntry(JsonObject entry)
    {
        var infra = Text(entry, "InfraId");
        var networks = Strings(entry["Networks"]);
        var members = (entry["Containers"] as JsonArray ?? []).OfType<JsonObject>().Select(member =>
        {
            var id = Text(member, "Id");
            return new PodMember(
                id,
                Text(member, "Names"),
                Text(member, "Status"),
                member["RestartCount"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : 0,
                id == infra,
                id == infra ? networks : []);
        }).ToList();
        var config = Config(entry, infra) with { CgroupParent = Text(entry, "Cgroup") };
        return new PodView(config, members, Text(entry, "Status"));
    }

    /// <summary>GET /libpod/pods/{name}/json.</summary>
    public static PodView FromInspect(JsonObject inspect)
    {
        var infra = Text(inspect, "InfraContainerID");
        var members = (inspect["Containers"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(member => new PodMember(
                Text(member, "Id"),
                Text(member, "Name"),
                Text(member, "State"),
                0,
                Text(member, "Id") == infra,
                []))
            .ToList();
        var config = Config(inspect, infra) with
        {
            Hostname = Text(inspect, "Hostname"),
            ExitPolicy = Text(inspect, "ExitPolicy"),
            CreateInfra = inspect["CreateInfra"] is JsonValue flag
                && flag.TryGetValue<bool>(out var on)
                && on,
            CgroupParent = Text(inspect, "CgroupParent"),
            CgroupPath = Text(inspect, "CgroupPath"),
            SharedNamespaces = Strings(inspect["SharedNamespaces"]),
            CreateCommand = Strings(inspect["CreateCommand"]),
        };
        return new PodView(config, members, Text(inspect, "State"));
    }

    private static PodConfig Config(JsonObject json, string infra) => new()
    {
        Id = Text(json, "Id"),
        Name = Text(json, "Name"),
        Created = DateTimeOffset.TryParse(
            Text(json, "Created"),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var created)
            ? created
            : DateTimeOffset.UnixEpoch,
        Labels = (json["Labels"] as JsonObject ?? [])
            .ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? ""),
        InfraId = infra,
        CreateInfra = infra.Length > 0,
    };

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").ToList();

    private static string Text(JsonObject json, string key) => json[key]?.ToString() ?? "";
}
