using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.Containers;

namespace Modular.Engine.Networks;

/// <summary>
/// Podman's network JSON (common/libnetwork types.Network, keys in its order, empty
/// optional keys left out as Go's omitempty does), and Podman 5's <c>containers</c> map
/// of network inspect.
/// </summary>
public static class NetworkJson
{
    public static JsonObject ToJson(NetworkDefinition network)
    {
        var json = new JsonObject
        {
            ["name"] = network.Name,
            ["id"] = network.Id,
            ["driver"] = network.Driver,
        };
        if (network.NetworkInterface.Length > 0)
        {
            json["network_interface"] = network.NetworkInterface;
        }

        json["created"] = GoTime.Format(network.Created);
        if (network.Subnets.Count > 0)
        {
            json["subnets"] = new JsonArray([.. network.Subnets.Select(Subnet)]);
        }

        json["ipv6_enabled"] = network.Ipv6Enabled;
        json["internal"] = network.Internal;
        json["dns_enabled"] = network.DnsEnabled;
        AddMap(json, "labels", network.Labels);
        AddMap(json, "options", network.Options);
        AddMap(json, "ipam_options", network.IpamOptions);
        return json;
    }

    /// <summary>Network inspect: the network plus the containers attached to it now.</summary>
    public static JsonObject ToInspectJson(NetworkDefinition network, IEnumerable<AttachedContainer> attached)
    {
        var json = ToJson(network);
        var containers = new JsonObject();
        foreach (var container in attached.OrderBy(a => a.ContainerId, StringComparer.Ordinal))
        {
            var entry = new JsonObject { ["name"] = container.ContainerName };
            if (container.Status.Interfaces.Count > 0)
            {
                entry["interfaces"] = Interfaces(container.Status);
            }

            containers[container.ContainerId] = entry;
        }

        json["containers"] = containers;
        return json;
    }

    /// <summary>Podman's <c>interfaces</c> object: name to {subnets [{ipnet, gateway}], mac_address}.</summary>
    public static JsonObject Interfaces(NetworkStatus status)
    {
        var interfaces = new JsonObject();
        foreach (var nic in status.Interfaces)
        {
            var entry = new JsonObject();
            if (nic.Addresses.Count > 0)
            {
                entry["subnets"] = new JsonArray([.. nic.Addresses.Select(Address)]);
            }

            entry["mac_address"] = nic.MacAddress;
            interfaces[nic.Name] = entry;
        }

        return interfaces;
    }

    private static JsonNode Subnet(NetworkSubnet subnet)
    {
        var json = new JsonObject { ["subnet"] = subnet.Subnet };
        if (!string.IsNullOrEmpty(subnet.Gateway))
        {
            json["gateway"] = subnet.Gateway;
        }

        if (subnet.LeaseRange is { } range && (range.StartIp is not null || range.EndIp is not null))
        {
            var lease = new JsonObject();
            if (range.StartIp is not null)
            {
                lease["start_ip"] = range.StartIp;
            }

            if (range.EndIp is not null)
            {
                lease["end_ip"] = range.EndIp;
            }

            json["lease_range"] = lease;
        }

        return json;
    }

    private static JsonNode Address(InterfaceAddress address)
    {
        var json = new JsonObject { ["ipnet"] = address.Cidr };
        if (!string.IsNullOrEmpty(address.Gateway))
        {
            json["gateway"] = address.Gateway;
        }

        return json;
    }

    private static void AddMap(JsonObject json, string key, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        // Go's encoding/json writes map keys sorted.
        var obj = new JsonObject();
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[k] = v;
        }

        json[key] = obj;
    }
}
