using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Netavark;

/// <summary>
/// Reads netavark's setup answer: per network (keyed by its <see cref="NetavarkNetworkKey"/>)
/// a status block with <c>interfaces{name:{mac_address, subnets[{ipnet, gateway}]}}</c>,
/// <c>dns_server_ips</c> and <c>dns_search_domains</c>.
/// </summary>
internal static class NetavarkStatusJson
{
    public static NetworkSetupResult FromJson(JsonNode json, NetworkSetupRequest request)
    {
        var result = new Dictionary<string, NetworkStatus>();
        foreach (var attachment in request.Networks)
        {
            var block = json[NetavarkNetworkKey.For(attachment.Network.Name)];
            result[attachment.Network.Name] = ToStatus(block, attachment.Network);
        }

        return new NetworkSetupResult(result);
    }

    private static NetworkStatus ToStatus(JsonNode? block, NetworkDefinition network)
    {
        var interfaces = new List<InterfaceStatus>();
        if (block?["interfaces"] is JsonObject map)
        {
            foreach (var (name, value) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                interfaces.Add(ToInterface(name, value));
            }
        }

        var servers = JsonMaps.ToStrings(block?["dns_server_ips"]);
        if (servers.Count == 0 && network.DnsEnabled)
        {
            // aardvark-dns listens on the gateways of DNS-enabled networks.
            servers = network.Subnets.Select(s => s.Gateway).OfType<string>().ToList();
        }

        return new NetworkStatus(interfaces, servers, JsonMaps.ToStrings(block?["dns_search_domains"]));
    }

    private static InterfaceStatus ToInterface(string name, JsonNode? json)
    {
        var addresses = (json?["subnets"] as JsonArray ?? [])
            .Select(subnet => new InterfaceAddress(
                JsonMaps.Text(subnet, "ipnet") ?? "",
                JsonMaps.Text(subnet, "gateway")))
            .Where(address => address.Cidr.Length > 0)
            .ToList();
        return new InterfaceStatus(name, JsonMaps.Text(json, "mac_address") ?? "", addresses);
    }
}
