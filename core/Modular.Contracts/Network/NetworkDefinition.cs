namespace Modular.Contracts.Network;

/// <summary>
/// A network as Podman's <c>network inspect</c> describes it (its JSON keys are these
/// properties in snake_case). Drivers: bridge, macvlan, ipvlan.
/// </summary>
public sealed record NetworkDefinition
{
    public required string Name { get; init; }

    /// <summary>64 hex digits.</summary>
    public required string Id { get; init; }

    public string Driver { get; init; } = "bridge";

    /// <summary>The bridge's name (e.g. modpod0), or the parent interface for macvlan/ipvlan.</summary>
    public string NetworkInterface { get; init; } = "";

    public DateTimeOffset Created { get; init; }
    public IReadOnlyList<NetworkSubnet> Subnets { get; init; } = [];
    public bool Ipv6Enabled { get; init; }
    public bool Internal { get; init; }
    public bool DnsEnabled { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Podman's <c>ipam_options</c>; <c>driver</c> is host-local, dhcp or none.</summary>
    public IReadOnlyDictionary<string, string> IpamOptions { get; init; } = new Dictionary<string, string>();
}
