namespace Modular.Engine.Configuration;

/// <summary>
/// containers.conf <c>[network]</c> (and <c>[engine] helper_binaries_dir</c>), with Podman's
/// meaning but Modular's own defaults where Podman's would share its state: the config
/// directories are under /etc/modular, and the default network sits on 10.87.0.0/16, outside
/// Podman's default (10.88.0.0/16) and its pools (10.89.0.0/16 to 10.255.255.0/24), so a
/// Podman container and a modpod container run side by side on their default networks.
/// </summary>
public sealed record NetworkOptions
{
    public const string NetavarkConfigDirectory = "/etc/modular/networks";
    public const string CniConfigDirectory = "/etc/modular/cni/net.d";

    /// <summary><c>network_backend</c>: the network plugin id; default netavark.</summary>
    public string NetworkBackend { get; init; } = "netavark";

    /// <summary><c>network_config_dir</c>, or null for the backend's Modular default.</summary>
    public string? NetworkConfigDir { get; init; }

    /// <summary><c>cni_plugin_dirs</c>: where the CNI plugin programs are searched.</summary>
    public IReadOnlyList<string> CniPluginDirs { get; init; } =
        ["/usr/local/libexec/cni", "/usr/libexec/cni", "/usr/local/lib/cni", "/usr/lib/cni", "/opt/cni/bin"];

    /// <summary><c>[engine] helper_binaries_dir</c>: where netavark and aardvark-dns are searched.</summary>
    public IReadOnlyList<string> HelperBinariesDir { get; init; } =
        ["/usr/local/libexec/podman", "/usr/local/lib/podman", "/usr/libexec/podman", "/usr/lib/podman"];

    /// <summary><c>default_network</c>: the network containers join when none is named.</summary>
    public string DefaultNetwork { get; init; } = "podman";

    /// <summary><c>default_subnet</c>: the default network's subnet.</summary>
    public string DefaultSubnet { get; init; } = "10.87.0.0/16";

    /// <summary>
    /// <c>default_subnet_pools</c>: 10.80.0.0/16 to 10.86.0.0/16 in /24s, below the default
    /// subnet and clear of Podman's defaults.
    /// </summary>
    public IReadOnlyList<SubnetPool> DefaultSubnetPools { get; init; } =
        [.. Enumerable.Range(80, 7).Select(i => new SubnetPool($"10.{i}.0.0/16", 24))];

    /// <summary><c>firewall_driver</c>, empty for the backend's choice.</summary>
    public string FirewallDriver { get; init; } = "";

    /// <summary>The bridge of the default network (Podman's is podman0).</summary>
    public string DefaultBridge { get; init; } = "modpod0";

    /// <summary>The prefix of new bridges: modpod1, modpod2, ...</summary>
    public string BridgePrefix { get; init; } = "modpod";

    /// <summary>Where definitions live: the configured directory or the backend's default.</summary>
    public string ConfigDirectory =>
        NetworkConfigDir ?? (NetworkBackend == "cni" ? CniConfigDirectory : NetavarkConfigDirectory);

    /// <summary>
    /// The program directories the backend searches: <c>cni_plugin_dirs</c> for CNI,
    /// <c>helper_binaries_dir</c> for netavark (as containers.conf documents each key).
    /// </summary>
    public IReadOnlyList<string> BackendProgramDirectories =>
        NetworkBackend == "cni" ? CniPluginDirs : HelperBinariesDir;
}
