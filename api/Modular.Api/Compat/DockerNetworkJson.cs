using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's network object (Name, Id, Created, Scope, Driver, IPAM, Containers ...) made
/// from the engine's Podman-style inspect object, as Podman's compat handler converts it.
/// </summary>
public static class DockerNetworkJson
{
    /// <param name="podman">The engine's network inspect object (snake_case keys).</param>
    /// <param name="name">The name to show: "bridge" for the default network in lists.</param>
    public static JsonObject FromPodman(JsonObject podman, string name)
    {
        // The IPAM driver is IPAM.Driver; Docker leaves it out of IPAM.Options, and
        // docker-compose takes an extra key there for a changed network it must recreate.
        var ipamOptions = Map(podman["ipam_options"]);
        var driver = ipamOptions["driver"]?.GetValue<string>();
        ipamOptions.Remove("driver");
        return new JsonObject
        {
            ["Name"] = name,
            ["Id"] = Text(podman, "id"),
            ["Created"] = Text(podman, "created"),
            ["Scope"] = "local",
            ["Driver"] = Text(podman, "driver"),
            ["EnableIPv4"] = true,
            ["EnableIPv6"] = podman["ipv6_enabled"]?.GetValue<bool>() ?? false,
            ["IPAM"] = new JsonObject
            {
                // Docker calls host-local IPAM "default".
                ["Driver"] = driver is null or "host-local" ? "default" : driver,
                ["Options"] = ipamOptions,
                ["Config"] = IpamConfig(podman["subnets"] as JsonArray),
            },
            ["Internal"] = podman["internal"]?.GetValue<bool>() ?? false,
            ["Attachable"] = false,
            ["Ingress"] = false,
            ["ConfigFrom"] = new JsonObject { ["Network"] = "" },
            ["ConfigOnly"] = false,
            ["Containers"] = Containers(podman["containers"] as JsonObject),
            ["Options"] = Map(podman["options"]),
            ["Labels"] = Map(podman["labels"]),
        };
    }

    private static JsonArray IpamConfig(JsonArray? subnets)
    {
        var config = new JsonArray();
        foreach (var subnet in subnets ?? [])
        {
            var entry = new JsonObject { ["Subnet"] = subnet?["subnet"]?.GetValue<string>() ?? "" };
            if (subnet?["gateway"]?.GetValue<string>() is { } gateway)
            {
                entry["Gateway"] = gateway;
            }

            config.Add(entry);
        }

        return config;
    }

    // Docker's endpoint resource: the address with its prefix ("10.215.1.2/24"), as
    // Podman sends it (clients want the CIDR, not the bare address).
    private static JsonObject Containers(JsonObject? containers)
    {
        var result = new JsonObject();
        foreach (var (id, container) in containers ?? [])
        {
            var nic = (container?["interfaces"] as JsonObject)?.FirstOrDefault().Value;
            var addresses = (nic?["subnets"] as JsonArray ?? [])
                .Select(s => s?["ipnet"]?.GetValue<string>() ?? "").ToList();
            result[id] = new JsonObject
            {
                ["Name"] = container?["name"]?.GetValue<string>() ?? "",
                ["EndpointID"] = "",
                ["MacAddress"] = nic?["mac_address"]?.GetValue<string>() ?? "",
                ["IPv4Address"] = addresses.FirstOrDefault(a => !a.Contains(':')) ?? "",
                ["IPv6Address"] = addresses.FirstOrDefault(a => a.Contains(':')) ?? "",
            };
        }

        return result;
    }

    private static JsonObject Map(JsonNode? node) => node?.DeepClone() as JsonObject ?? [];

    private static string Text(JsonObject node, string key) => node[key]?.GetValue<string>() ?? "";
}
