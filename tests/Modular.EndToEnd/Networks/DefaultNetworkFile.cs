using System.Security.Cryptography;
using System.Text;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// The fixture's <c>podman</c> network, in the backend's own file format (as Podman writes
/// it): netavark JSON or a CNI conflist, on the fixture's bridge and subnet. A store may
/// name its default network otherwise (containers.conf default_network): netavark derives
/// its iptables chain names from the network, so stores that run at once on one host and
/// all call it "podman" tear down each other's chains.
/// </summary>
internal static class DefaultNetworkFile
{
    public static Task WriteAsync(
        string backend,
        string directory,
        string bridge,
        int octet,
        string name = "podman")
    {
        var subnet = $"10.203.{octet}.0/24";
        var gateway = $"10.203.{octet}.1";
        return backend == "cni"
            ? File.WriteAllTextAsync(Path.Combine(directory, name + ".conflist"), CniConfList(name, bridge, subnet, gateway))
            : File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), NetavarkJson(name, bridge, subnet, gateway));
    }

    private static string NetavarkJson(string name, string bridge, string subnet, string gateway)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return $$$"""
            {"name": "{{{name}}}", "id": "{{{id}}}", "driver": "bridge", "network_interface": "{{{bridge}}}",
             "created": "2026-01-01T00:00:00Z",
             "subnets": [{"subnet": "{{{subnet}}}", "gateway": "{{{gateway}}}"}],
             "ipv6_enabled": false, "internal": false, "dns_enabled": false,
             "ipam_options": {"driver": "host-local"}}
            """;
    }

    private static string CniConfList(string name, string bridge, string subnet, string gateway) => $$$"""
        {"cniVersion": "0.4.0", "name": "{{{name}}}", "plugins": [
          {"type": "bridge", "bridge": "{{{bridge}}}", "isGateway": true, "ipMasq": true, "hairpinMode": true,
           "ipam": {"type": "host-local", "routes": [{"dst": "0.0.0.0/0"}],
                    "ranges": [[{"subnet": "{{{subnet}}}", "gateway": "{{{gateway}}}"}]]}},
          {"type": "portmap", "capabilities": {"portMappings": true}},
          {"type": "firewall"},
          {"type": "tuning"}]}
        """;
}
