namespace Modular.Engine.Networks;

/// <summary>
/// What <c>network create</c> asks for, as typed. The service validates it, completes it
/// (id, bridge name, free subnet, gateway) and hands the backend a full definition.
/// </summary>
/// <param name="Name">The network's name; null or empty picks the first free podmanN.</param>
/// <param name="Driver">bridge, macvlan or ipvlan.</param>
/// <param name="Subnets">--subnet values in CIDR form, in order.</param>
/// <param name="Gateways">--gateway values; the Nth belongs to the Nth subnet.</param>
/// <param name="IpRanges">--ip-range values (CIDR or start-end); the Nth to the Nth subnet.</param>
/// <param name="Internal">--internal: no route out of the network.</param>
/// <param name="DisableDns">--disable-dns: no name server for the network.</param>
/// <param name="Ipv6">--ipv6: add an IPv6 subnet (a random fd00::/8 /64 when none is given).</param>
/// <param name="Labels">--label key=value.</param>
/// <param name="Options">-o key=value: mtu, vlan, isolate, metric, parent, mode.</param>
/// <param name="IpamDriver">--ipam-driver: host-local (default), dhcp or none.</param>
/// <param name="InterfaceName">--interface-name: the bridge (or parent) to use.</param>
/// <param name="IgnoreExisting">--ignore: return the existing network of that name.</param>
public sealed record NetworkCreateRequest(
    string? Name,
    string Driver = "bridge",
    IReadOnlyList<string>? Subnets = null,
    IReadOnlyList<string>? Gateways = null,
    IReadOnlyList<string>? IpRanges = null,
    bool Internal = false,
    bool DisableDns = false,
    bool Ipv6 = false,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Options = null,
    string? IpamDriver = null,
    string? InterfaceName = null,
    bool IgnoreExisting = false);
