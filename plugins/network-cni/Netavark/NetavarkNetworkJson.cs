using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Netavark;

/// <summary>
/// A network as netavark takes it in <c>network_info</c> and as Podman keeps it in
/// /etc/containers/networks/NAME.json: the same keys, so a definition file is also the
/// network's entry in the setup options.
/// </summary>
internal static class NetavarkNetworkJson
{
    public static JsonObject ToJson(NetworkDefinition network)
    {
        var json = new JsonObject
        {
            ["name"] = network.Name,
            ["id"] = network.Id,
            ["driver"] = network.Driver,
            ["network_interface"] = network.NetworkInterface,
            ["created"] = JsonMaps.FormatTime(network.Created),
            ["subnets"] = new JsonArray(network.Subnets.Select(SubnetToJson).ToArray<JsonNode?>()),
            ["ipv6_enabled"] = network.Ipv6Enabled,
            ["internal"] = network.Internal,
            ["dns_enabled"] = network.DnsEnabled,
        };
        AddMap(json, "labels", network.Labels);
        AddMap(json, "options", network.Options);
        AddMap(json, "ipam_options", network.IpamOptions);
        return json;
    }

    public static NetworkDefinition FromJson(JsonNode json) => new()
    {
        Name = JsonMaps.Text(json, "name") ?? throw new FormatException("no \"name\""),
        Id = JsonMaps.Text(json, "id") ?? throw new FormatException("no \"id\""),
        Driver = JsonMaps.Text(json, "driver") ?? "bridge",
        NetworkInterface = JsonMaps.Text(json, "network_interface") ?? "",
        Created = JsonMaps.ParseTime(JsonMaps.Text(json, "created")),
        Subnets = (json["subnets"] as JsonArray ?? []).Select(SubnetFromJson).ToList(),
        Ipv6Enabled = JsonMaps.Flag(json, "ipv6_enabled"),
        Internal = JsonMaps.Flag(json, "internal"),
        DnsEnabled = JsonMaps.Flag(json, "dns_enabled"),
        Labels = JsonMaps.ToMap(json["labels"]),
        Options = JsonMaps.ToMap(json["options"]),
        IpamOptions = JsonMaps.ToMap(json["ipam_options"]),
    };

    private static void AddMap(JsonObject json, string key, IReadOnlyDictionary<string, string> map)
    {
        // Podman omits empty maps (omitempty); netavark reads absent as none.
        if (map.Count > 0)
        {
            json[key] = JsonMaps.ToObject(map);
        }
    }

    private static JsonObject SubnetToJson(NetworkSubnet subnet)
    {
        var json = new JsonObject { ["subnet"] = subnet.Subnet };
        if (!string.IsNullOrEmpty(subnet.Gateway))
        {
            json["gateway"] = subnet.Gateway;
        }

        if (subnet.LeaseRange is { } range)
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

    private static NetworkSubnet SubnetFromJson(JsonNode? json)
    {
        var lease = json?["lease_range"];
        return new NetworkSubnet(
            JsonMaps.Text(json, "subnet") ?? throw new FormatException("a subnet without \"subnet\""),
            JsonMaps.Text(json, "gateway"),
            lease is null
                ? null
                : new LeaseRange(JsonMaps.Text(lease, "start_ip"), JsonMaps.Text(lease, "end_ip")));
    }
}
