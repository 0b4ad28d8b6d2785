namespace Modular.Conformance.Network;

/// <summary>
/// The programs the conformance tests drive for real. A test is skipped, saying which
/// program is missing, only when one truly is; being root is needed for namespaces.
/// </summary>
public static class RequiredPrograms
{
    public static readonly string[] Paths =
    [
        "/usr/lib/podman/netavark", "/usr/lib/podman/aardvark-dns", "/usr/lib/cni/bridge",
        "/usr/lib/cni/host-local", "/usr/lib/cni/portmap", "/usr/lib/cni/firewall",
        "/usr/lib/cni/tuning", "/usr/lib/cni/loopback", "/usr/lib/cni/dnsname",
        "/usr/sbin/dnsmasq", "/bin/busybox", "/usr/sbin/iptables-save",
    ];

    public static string? MissingReason()
    {
        if (Environment.UserName != "root")
        {
            return "network namespaces and bridges need root";
        }

        var missing = Paths.Where(path => !File.Exists(path)).ToList();
        return missing.Count == 0 ? null : "missing programs: " + string.Join(", ", missing);
    }
}
