using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>
/// HostConfig.NetworkMode with NetworkingConfig.EndpointsConfig as the engine's --network
/// values: each network as NAME:alias=..,ip=..,mac=.. so the aliases a client gives at
/// create (docker-compose's service names) reach the network's name server.
/// </summary>
public static class DockerEndpoints
{
    public static IReadOnlyList<string> Networks(JsonObject host, JsonNode? networking)
    {
        var mode = host["NetworkMode"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : "";
        var endpoints = networking?["EndpointsConfig"] as JsonObject ?? [];
        var list = new List<string>();
        if (mode.Length > 0 && mode is not "default" && !endpoints.ContainsKey(mode))
        {
            list.Add(mode);
        }

        foreach (var (name, endpoint) in endpoints)
        {
            list.Add(Value(name, endpoint as JsonObject));
        }

        return list;
    }

    // Docker's names for the default network carry no options: the engine maps the bare
    // name to its default network, which has no name server for aliases anyway.
    private static string Value(string name, JsonObject? endpoint)
    {
        if (name is "bridge" or "default" || endpoint is null)
        {
            return name;
        }

        var options = new List<string>();
        options.AddRange(Strings(endpoint["Aliases"]).Select(a => "alias=" + a));
        var ipam = endpoint["IPAMConfig"] as JsonObject;
        options.AddRange(Strings(ipam?["IPv4Address"]).Select(ip => "ip=" + ip));
        options.AddRange(Strings(ipam?["IPv6Address"]).Select(ip => "ip6=" + ip));
        options.AddRange(Strings(endpoint["MacAddress"]).Select(mac => "mac=" + mac));
        return options.Count == 0 ? name : name + ":" + string.Join(',', options);
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        DockerCreateBody.Strings(node).Where(v => v.Length > 0);
}
