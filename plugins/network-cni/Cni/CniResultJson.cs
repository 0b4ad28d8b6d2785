using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// Turns a CNI result (interfaces with a sandbox, ips pointing at them by index, dns)
/// into the contract's status, as Podman's CNIResultToStatus does: host-side interfaces
/// (the bridge, the veth's host end) are left out.
/// </summary>
internal static class CniResultJson
{
    public static NetworkStatus ToStatus(JsonNode? result)
    {
        var interfaces = result?["interfaces"] as JsonArray ?? [];
        var ips = result?["ips"] as JsonArray ?? [];
        var statuses = new List<InterfaceStatus>();
        for (var index = 0; index < interfaces.Count; index++)
        {
            var item = interfaces[index];
            if (string.IsNullOrEmpty(JsonMaps.Text(item, "sandbox")))
            {
                continue;
            }

            statuses.Add(new InterfaceStatus(
                JsonMaps.Text(item, "name") ?? "",
                JsonMaps.Text(item, "mac") ?? "",
                AddressesOf(ips, index)));
        }

        var dns = result?["dns"];
        return new NetworkStatus(
            statuses,
            JsonMaps.ToStrings(dns?["nameservers"]),
            JsonMaps.ToStrings(dns?["search"]));
    }

    private static List<InterfaceAddress> AddressesOf(JsonArray ips, int index) =>
        ips.Where(ip => ip?["interface"] is JsonValue value
                        && value.TryGetValue<int>(out var i)
                        && i == index)
            .Select(ip => new InterfaceAddress(
                JsonMaps.Text(ip, "address") ?? "",
                JsonMaps.Text(ip, "gateway")))
            .Where(address => address.Cidr.Length > 0)
            .ToList();
}
