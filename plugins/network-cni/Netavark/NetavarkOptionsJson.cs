using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Netavark;

/// <summary>
/// The document netavark reads on stdin for setup and teardown: the container, its
/// per-network options (interface, static addresses, aliases) keyed by network name,
/// the full network of each in <c>network_info</c>, and the published ports.
/// </summary>
internal static class NetavarkOptionsJson
{
    public static JsonObject ToJson(NetworkSetupRequest request)
    {
        var networks = new JsonObject();
        var info = new JsonObject();
        foreach (var attachment in request.Networks)
        {
            var key = NetavarkNetworkKey.For(attachment.Network.Name);
            networks[key] = PerNetwork(attachment);
            info[key] = NetavarkNetworkJson.ToJson(attachment.Network with { Name = key });
        }

        var json = new JsonObject
        {
            ["container_id"] = request.ContainerId,
            ["container_name"] = request.ContainerName,
            ["networks"] = networks,
            ["network_info"] = info,
        };
        if (request.Ports.Count > 0)
        {
            json["port_mappings"] = new JsonArray(request.Ports.Select(PortToJson).ToArray<JsonNode?>());
        }

        return json;
    }

    private static JsonObject PerNetwork(NetworkAttachment attachment)
    {
        var json = new JsonObject { ["interface_name"] = attachment.InterfaceName };
        if (attachment.StaticIps.Count > 0)
        {
            json["static_ips"] = JsonMaps.ToArray(attachment.StaticIps);
        }

        if (!string.IsNullOrEmpty(attachment.StaticMac))
        {
            json["static_mac"] = attachment.StaticMac;
        }

        if (attachment.Aliases.Count > 0)
        {
            json["aliases"] = JsonMaps.ToArray(attachment.Aliases);
        }

        return json;
    }

    private static JsonObject PortToJson(PortMapping port) => new()
    {
        ["host_ip"] = port.HostIp,
        ["container_port"] = port.ContainerPort,
        ["host_port"] = port.HostPort,
        ["range"] = Math.Max(port.Range, 1),
        ["protocol"] = string.IsNullOrEmpty(port.Protocol) ? "tcp" : port.Protocol,
    };
}
