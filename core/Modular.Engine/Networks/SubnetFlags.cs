using System.Net;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>
/// <c>--subnet</c>, <c>--gateway</c> and <c>--ip-range</c> as Podman's create command pairs
/// them: the Nth gateway and range belong to the Nth subnet.
/// </summary>
public static class SubnetFlags
{
    public static List<PlannedSubnet> Parse(NetworkCreateRequest request)
    {
        var subnets = request.Subnets ?? [];
        var gateways = (request.Gateways ?? []).Select(Gateway).ToList();
        var ranges = request.IpRanges ?? [];
        if (subnets.Count == 0)
        {
            return gateways.Count > 0 || ranges.Count > 0
                ? throw new InvalidInputException("cannot set gateway or range without subnet")
                : [];
        }

        if (gateways.Count > subnets.Count)
        {
            throw new InvalidInputException("cannot set more gateways than subnets");
        }

        if (ranges.Count > subnets.Count)
        {
            throw new InvalidInputException("cannot set more ranges than subnets");
        }

        var planned = new List<PlannedSubnet>();
        for (var i = 0; i < subnets.Count; i++)
        {
            var subnet = new PlannedSubnet(Cidr.Parse(subnets[i]), i < gateways.Count ? gateways[i] : null);
            if (i < ranges.Count)
            {
                var (start, end) = Range(ranges[i]);
                subnet = subnet with { RangeStart = start, RangeEnd = end };
            }

            planned.Add(subnet);
        }

        return planned;
    }

    // pflag's wording for a bad --gateway value.
    private static IPAddress Gateway(string text) =>
        IpMath.TryParse(text, out var address)
            ? address
            : throw new InvalidInputException(
                $"invalid argument \"{text}\" for \"--gateway\" flag: invalid string being converted to IP address: {text}");

    /// <summary>start-end, or a CIDR whose first and last addresses bound the range.</summary>
    public static (IPAddress Start, IPAddress End) Range(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var (startText, endText) = (text[..dash], text[(dash + 1)..]);
            return (
                IpMath.TryParse(startText, out var start)
                    ? start
                    : throw new InvalidInputException($"range start ip \"{startText}\" is not a ip address"),
                IpMath.TryParse(endText, out var end)
                    ? end
                    : throw new InvalidInputException($"range end ip \"{endText}\" is not a ip address"));
        }

        var cidr = Cidr.Parse(text);
        var single = cidr.PrefixLength == cidr.Bits;
        return (
            single ? cidr.Network : cidr.Address(cidr.First + 1),
            cidr.Address(cidr.Last));
    }
}
