using System.Globalization;
using System.Net;
using Modular.Cli.Errors;
using Modular.Contracts.Network;

namespace Modular.Cli.Parsing;

/// <summary>
/// <c>-p/--publish</c> in Podman's forms: <c>[[IP:][HOSTPORT]:]CONTAINERPORT[/PROTOCOL]</c>,
/// ports or ranges (<c>8000-8001:3000-3001</c>), IPv6 in brackets (<c>[::1]:80:80</c>),
/// protocols tcp, udp and sctp (or a comma list of them). A missing host port is 0: the
/// engine picks free ones at create.
/// </summary>
public static class PublishParser
{
    public static IReadOnlyList<PortMapping> Parse(IEnumerable<string> values) =>
        values.SelectMany(ParseOne).ToList();

    public static IEnumerable<PortMapping> ParseOne(string value)
    {
        var (address, protocols) = SplitProtocol(value);
        var (hostIp, hostPart, containerPart) = SplitAddress(value, address);
        var (containerStart, containerLength) = ParseRange(value, containerPart, "container");
        var (hostStart, hostLength) = hostPart.Length == 0 ? (0, containerLength) : ParseRange(value, hostPart, "host");
        if (hostLength != containerLength)
        {
            throw Invalid(value, string.Create(
                CultureInfo.InvariantCulture,
                $"host and container port ranges have different lengths: {hostLength} vs {containerLength}"));
        }

        return protocols.Select(protocol => new PortMapping(hostIp, containerStart, hostStart, containerLength, protocol));
    }

    private static (string Address, string[] Protocols) SplitProtocol(string value)
    {
        var slash = value.LastIndexOf('/');
        if (slash < 0)
        {
            return (value, ["tcp"]);
        }

        var protocols = value[(slash + 1)..].ToLowerInvariant().Split(',');
        foreach (var protocol in protocols)
        {
            if (protocol is not ("tcp" or "udp" or "sctp"))
            {
                throw Invalid(value, $"unrecognized protocol \"{protocol}\"");
            }
        }

        return (value[..slash], protocols);
    }

    private static (string HostIp, string Host, string Container) SplitAddress(string value, string address)
    {
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= address.Length || address[close + 1] != ':')
            {
                throw Invalid(value, "IPv6 addresses must be enclosed by [] and followed by :HOSTPORT:CONTAINERPORT");
            }

            var rest = address[(close + 2)..].Split(':');
            return rest.Length == 2
                ? (CheckIp(value, address[1..close]), rest[0], rest[1])
                : throw Invalid(value, "expected [IP]:HOSTPORT:CONTAINERPORT");
        }

        var parts = address.Split(':');
        return parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            3 => (parts[0].Length == 0 ? "" : CheckIp(value, parts[0]), parts[1], parts[2]),
            _ => throw Invalid(value, "IPv6 addresses must be enclosed by []"),
        };
    }

    private static (int Start, int Length) ParseRange(string value, string text, string which)
    {
        var bounds = text.Split('-');
        if (bounds.Length > 2)
        {
            throw Invalid(value, $"invalid {which} port range \"{text}\"");
        }

        var start = ParsePort(value, bounds[0], which);
        var end = bounds.Length == 2 ? ParsePort(value, bounds[1], which) : start;
        return end >= start ? (start, end - start + 1)
            : throw Invalid(value, $"invalid {which} port range \"{text}\": the end is below the start");
    }

    private static int ParsePort(string value, string text, string which) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Invalid(value, $"invalid {which} port \"{text}\": it must be a number from 1 to 65535");

    private static string CheckIp(string value, string ip) =>
        IPAddress.TryParse(ip, out var address) ? address.ToString()
            : throw Invalid(value, $"invalid IP address \"{ip}\"");

    private static UsageException Invalid(string value, string reason) =>
        new($"invalid port format \"{value}\": {reason}");
}
