using System.Net;
using Modular.Contracts.Network;

namespace Modular.Engine.Networks;

/// <summary>A subnet while a new network is validated and completed.</summary>
public sealed record PlannedSubnet(
    Cidr Subnet,
    IPAddress? Gateway = null,
    IPAddress? RangeStart = null,
    IPAddress? RangeEnd = null)
{
    public NetworkSubnet ToDefinition() => new(
        Subnet.ToString(),
        Gateway?.ToString(),
        RangeStart is null && RangeEnd is null
            ? null
            : new LeaseRange(RangeStart?.ToString(), RangeEnd?.ToString()));

    /// <summary>Reads a stored subnet; null when its CIDR cannot be parsed.</summary>
    public static PlannedSubnet? From(NetworkSubnet subnet)
    {
        if (!Cidr.TryParse(subnet.Subnet, out var cidr))
        {
            return null;
        }

        return new PlannedSubnet(
            cidr,
            Address(subnet.Gateway),
            Address(subnet.LeaseRange?.StartIp),
            Address(subnet.LeaseRange?.EndIp));
    }

    private static IPAddress? Address(string? text) =>
        text is not null && IpMath.TryParse(text, out var address) ? address : null;
}
