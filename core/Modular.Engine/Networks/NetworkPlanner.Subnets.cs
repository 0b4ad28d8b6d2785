using System.Net;
using System.Security.Cryptography;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

public sealed partial class NetworkPlanner
{
    /// <summary>
    /// No subnet given: the first free IPv4 one from the pools. With --ipv6 (dual stack), the
    /// missing family is added too: IPv4 from the pools, IPv6 a random fd00::/8 /64 (RFC 4193).
    /// </summary>
    private List<PlannedSubnet> AddMissingSubnets(List<PlannedSubnet> subnets, bool ipv6, List<Cidr> used)
    {
        var result = new List<PlannedSubnet>(subnets);
        if (result.Count == 0)
        {
            result.Add(new PlannedSubnet(FreeIPv4Subnet(used)));
        }

        if (ipv6 && !result.Any(s => !s.Subnet.IsIPv6))
        {
            result.Add(new PlannedSubnet(FreeIPv4Subnet(used)));
        }

        if (ipv6 && !result.Any(s => s.Subnet.IsIPv6))
        {
            result.Add(new PlannedSubnet(FreeIPv6Subnet(used)));
        }

        return result;
    }

    /// <summary>The first subnet of each pool's size, in pool order, that meets no used subnet.</summary>
    public Cidr FreeIPv4Subnet(IReadOnlyList<Cidr> used)
    {
        foreach (var pool in options.DefaultSubnetPools)
        {
            if (!Cidr.TryParse(pool.Base, out var poolBase) || poolBase.IsIPv6
                || pool.Size < poolBase.PrefixLength || pool.Size > 32)
            {
                throw new InvalidInputException(
                    $"invalid subnet pool {pool.Base} with size {pool.Size} in default_subnet_pools");
            }

            for (Cidr? candidate = Cidr.Of(poolBase.Network, pool.Size);
                 candidate is { } c && poolBase.Contains(c.Network);
                 candidate = c.NextSubnet())
            {
                if (!used.Any(u => u.Intersects(c)))
                {
                    return c;
                }
            }
        }

        throw new InvalidInputException("could not find free subnet from subnet pools");
    }

    private static Cidr FreeIPv6Subnet(IReadOnlyList<Cidr> used)
    {
        for (var attempt = 0; attempt < 10000; attempt++)
        {
            var bytes = new byte[16];
            RandomNumberGenerator.Fill(bytes.AsSpan(0, 8));
            bytes[0] = 0xfd;
            var candidate = new Cidr(new IPAddress(bytes), 64);
            if (!used.Any(u => u.Intersects(candidate)))
            {
                return candidate;
            }
        }

        throw new InvalidInputException("failed to get random ipv6 subnet");
    }

    /// <summary>
    /// Podman's ValidateSubnet: no overlap with a used subnet, the gateway and range inside
    /// the subnet, and the first address as gateway when none is given and one is wanted.
    /// </summary>
    public static PlannedSubnet ValidateSubnet(PlannedSubnet subnet, bool addGateway, IReadOnlyList<Cidr> used)
    {
        var cidr = subnet.Subnet;
        if (used.Any(u => u.Intersects(cidr)))
        {
            throw new InvalidInputException($"subnet {cidr} is already used on the host or by another config");
        }

        var gateway = subnet.Gateway;
        if (gateway is not null && !cidr.Contains(gateway))
        {
            throw new InvalidInputException($"gateway {gateway} not in subnet {cidr}");
        }

        if (gateway is null && addGateway)
        {
            gateway = cidr.PrefixLength == cidr.Bits ? cidr.Network : cidr.Address(cidr.First + 1);
        }

        CheckInSubnet(subnet.RangeStart, cidr, "lease range start ip");
        CheckInSubnet(subnet.RangeEnd, cidr, "lease range end ip");
        return subnet with { Gateway = gateway };
    }

    private static void CheckInSubnet(IPAddress? address, Cidr cidr, string what)
    {
        if (address is not null && !cidr.Contains(address))
        {
            throw new InvalidInputException($"{what} {address} not in subnet {cidr}");
        }
    }
}
