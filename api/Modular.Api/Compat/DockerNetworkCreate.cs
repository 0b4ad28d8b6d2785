using System.Text.Json.Nodes;
using Modular.Engine.Networks;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's network create body (Name, Driver, IPAM.Config, Internal, EnableIPv6, Labels,
/// Options) as the engine's create request, with Podman's reading of Docker's options.
/// </summary>
public static class DockerNetworkCreate
{
    /// <returns>The request and Docker's Warning text ("" when every option was known).</returns>
    public static (NetworkCreateRequest Request, string Warning) ToRequest(JsonObject body)
    {
        var driver = Text(body["Driver"]) is { Length: > 0 } d ? d : "bridge";
        var configs = (body["IPAM"]?["Config"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var (options, interfaceName, warning) = Options(body["Options"] as JsonObject, driver);
        var request = new NetworkCreateRequest(
            Name: Text(body["Name"]),
            Driver: driver,
            Subnets: [.. configs.Select(c => Text(c["Subnet"]) ?? "").Where(s => s.Length > 0)],
            Gateways: Leading(configs, "Gateway"),
            IpRanges: Leading(configs, "IPRange"),
            Internal: Flag(body["Internal"]),
            Ipv6: Flag(body["EnableIPv6"]),
            Labels: Strings(body["Labels"] as JsonObject),
            Options: options,
            InterfaceName: interfaceName);
        return (request, warning);
    }

    // Podman keeps mtu (also as Docker's com.docker.network.driver.mtu), the bridge's name,
    // and mode/parent for macvlan and ipvlan; anything else is named in the warning.
    private static (Dictionary<string, string>, string?, string) Options(
        JsonObject? given,
        string driver)
    {
        var options = new Dictionary<string, string>();
        string? interfaceName = null;
        var warning = "";
        var vlan = driver is "macvlan" or "ipvlan";
        foreach (var (key, node) in given ?? [])
        {
            var value = Text(node) ?? "";
            switch (key)
            {
                case "mtu" or "com.docker.network.driver.mtu":
                    options["mtu"] = value;
                    break;
                case "com.docker.network.bridge.name" when driver == "bridge":
                case "parent" when vlan:
                    interfaceName = value;
                    break;
                case "mode" when vlan:
                    options[key] = value;
                    break;
                case "com.docker.network.bridge.name" or "parent" or "mode":
                    break;
                default:
                    warning = $"\"{key}: {value}\" is not a recognized option";
                    break;
            }
        }

        return (options, interfaceName, warning);
    }

    private static Dictionary<string, string> Strings(JsonObject? map) =>
        (map ?? []).ToDictionary(p => p.Key, p => Text(p.Value) ?? "");

    // The engine pairs the Nth gateway (or range) with the Nth subnet: only the values up
    // to the first config without one can be passed on.
    private static List<string> Leading(List<JsonObject> configs, string key) =>
        [.. configs.Select(c => Text(c[key]) ?? "").TakeWhile(v => v.Length > 0)];

    private static bool Flag(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
