namespace Modular.Contracts.Network;

/// <summary>Where a backend keeps its files; all of them Modular's own, never Podman's.</summary>
/// <param name="ConfigDirectory">containers.conf <c>network_config_dir</c>: network definitions.</param>
/// <param name="RunDirectory">Under runroot: aardvark-dns config, CNI host-local data, locks.</param>
/// <param name="PluginDirectories">
/// <c>cni_plugin_dirs</c> for CNI; <c>helper_binaries_dir</c> for netavark and aardvark-dns.
/// </param>
/// <param name="FirewallDriver">containers.conf <c>firewall_driver</c>, or empty for the backend's default.</param>
public sealed record NetworkBackendOptions(
    string ConfigDirectory,
    string RunDirectory,
    IReadOnlyList<string> PluginDirectories,
    string FirewallDriver = "");
