namespace Modular.Contracts.Network;

/// <summary>
/// The container's interfaces on one network and the name servers to put in its
/// resolv.conf (aardvark-dns or dnsmasq on the gateway when the network has DNS).
/// </summary>
public sealed record NetworkStatus(
    IReadOnlyList<InterfaceStatus> Interfaces,
    IReadOnlyList<string> DnsServers,
    IReadOnlyList<string> DnsSearchDomains);
