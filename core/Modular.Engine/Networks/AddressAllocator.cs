using System.Net;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// Picks a free address in a subnet as netavark's IPAM in Podman does: round robin from
/// the address after the last one handed out, within the lease range (the whole subnet
/// by default, minus the network address and, for IPv4, the broadcast address), never the
/// gateway. Round robin keeps a just-freed address out of use for as long as possible, so
/// stale ARP and conntrack entries of a removed container do not hit its successor.
/// </summary>
public static class AddressAllocator
{
    /// <exception cref="WrongStateException">Every address of the range is taken.</exception>
    public static IPAddress Pick(PlannedSubnet subnet, IReadOnlySet<UInt128> taken, IPAddress? last)
    {
        var (start, end) = Bounds(subnet);
        var gateway = subnet.Gateway is null ? (UInt128?)null : IpMath.ToNumber(subnet.Gateway);
        var cidr = subnet.Subnet;

        if (start > end)
        {
            throw new WrongStateException(
                $"IPAM error: failed to find free IP in range: {cidr.Address(start)} - {cidr.Address(end)}");
        }

        var current = last is not null && cidr.Contains(last) ? IpMath.ToNumber(last) + 1 : start;
        if (current < start || current > end)
        {
            current = start;
        }

        for (UInt128 tried = 0; tried <= end - start; tried++)
        {
            if (current != gateway && !taken.Contains(current))
            {
                return cidr.Address(current);
            }

            current = current >= end ? start : current + 1;
        }

        throw new WrongStateException(
            $"IPAM error: failed to find free IP in range: {cidr.Address(start)} - {cidr.Address(end)}");
    }

    /// <summary>The first and last assignable addresses of the subnet's lease range.</summary>
    public static (UInt128 Start, UInt128 End) Bounds(PlannedSubnet subnet)
    {
        var cidr = subnet.Subnet;
        var start = subnet.RangeStart is null ? cidr.First + 1 : IpMath.ToNumber(subnet.RangeStart);
        if (start == cidr.First && cidr.Size > 1)
        {
            // The network address itself is never assigned.
            start++;
        }

        var end = subnet.RangeEnd is null ? cidr.Last : IpMath.ToNumber(subnet.RangeEnd);
        if (!cidr.IsIPv6 && end == cidr.Last && cidr.Size > 2)
        {
            // IPv4 keeps the last address for broadcast.
            end--;
        }

        return (start, end);
    }
}
