using System.Security.Cryptography;
using System.Text;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// The fixture's <c>podman</c> network, in the backend's own file format (as Podman writes
/// it): netavark JSON or a CNI conflist, on the fixture's bridge and subnet.
/// </summary>
internal static class DefaultNetworkFile
{
    public static Task WriteAsync(string backend, string directory, string bridge, int octet)
    {
        var subnet = $"10.203.{octet}.0/24";
        var gateway = $"10.203.{octet}.1";
        return backend == "cni"
            ? File.WriteAllTextAsync(Path.Combine(directory, "podman.conflist"), CniConfList(bridge, subnet, gateway))
            : File.WriteAllTextAsync(Path.Combine(directory, "podman.json"), NetavarkJson(bridge, subnet, gateway));
    }

    private static string NetavarkJson(string bridge, string subnet, string gateway)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("podman")));
        return $$$"""
            {"name": "podman", "id": "{{{id}}}", "driver": "bridge", "network_interface": "{{{bridge}}}",
             "created": "2026-01-01T00:00:00Z",
             "subnets": [{"subnet": "{{{subnet}}}", "gateway": "{{{gateway}}}"}],
             "ipv6_enabled": false, "internal": false, "dns_enabled": false,
             "ipam_options": {"driver": "host-local"}}
            """;
    }

    private static string CniConfList(string bridge, string subnet, string gateway) => $$$"""
        {"cniVersion": "0.4.0", "name": "podman", "plugins": [
          {"type": "bridge", "bridge": "{{{bridge}}}", "isGateway": true, "ipMasq": true, "hairpinMode": true,
           "ipam": {"type": "host-local", "routes": [{"dst": "0.0.0.0/0"}],
                    "ranges": [[{"subnet": "{{{subnet}}}", "gateway": "{{{gateway}}}"}]]}},
          {"type": "portmap", "capabilities": {"portMappings": true}},
          {"type": "firewall"},
          {"type": "tuning"}]}
        """;
}
