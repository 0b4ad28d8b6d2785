namespace Modular.Plugins.Network.Cni.Netavark;

/// <summary>
/// The name netavark is told for a network. netavark 1.4 names its per-network iptables
/// chains (NETAVARK-hash, NETAVARK-DN-hash) after a hash of the network name, so Podman's
/// "podman" network and ours would share chains, and the complete teardown of our last
/// container would delete Podman's published ports with them. A prefix gives our networks
/// their own chains; the definition files and the results keep the user's name.
/// </summary>
internal static class NetavarkNetworkKey
{
    public const string Prefix = "modular-";

    public static string For(string networkName) => Prefix + networkName;
}
