using System.Globalization;
using Modular.Cli.Errors;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>ps --filter expose=</c> and <c>publish=</c> (Docker's): PORT[/PROTO] or
/// START-END[/PROTO], tcp when no protocol is given, matched against container ports.
/// </summary>
public static class PsPorts
{
    /// <summary>Exposed by the image or --expose, or published (publishing exposes).</summary>
    public static Func<ContainerInfo, bool> Expose(IReadOnlyList<string> values)
    {
        var ranges = values.Select(Parse).ToList();
        return c => Exposed(c).Any(p => ranges.Any(r => r.Contains(p.Port, p.Protocol)));
    }

    /// <summary>Published with -p or -P: the container side of a mapping.</summary>
    public static Func<ContainerInfo, bool> Publish(IReadOnlyList<string> values)
    {
        var ranges = values.Select(Parse).ToList();
        return c => Published(c).Any(p => ranges.Any(r => r.Contains(p.Port, p.Protocol)));
    }

    private static IEnumerable<(int Port, string Protocol)> Published(ContainerInfo c) =>
        (c.Ports ?? []).SelectMany(m => Enumerable.Range(m.ContainerPort, Math.Max(m.Range, 1))
            .Select(p => (p, m.Protocol)));

    private static IEnumerable<(int Port, string Protocol)> Exposed(ContainerInfo c) =>
        Published(c).Concat((c.ExposedPorts ?? []).Select(Split));

    private static (int Port, string Protocol) Split(string exposed)
    {
        var slash = exposed.IndexOf('/', StringComparison.Ordinal);
        var port = slash < 0 ? exposed : exposed[..slash];
        var protocol = slash < 0 ? "tcp" : exposed[(slash + 1)..];
        return (int.TryParse(port, CultureInfo.InvariantCulture, out var n) ? n : -1, protocol);
    }

    private static PortRange Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var ports = slash < 0 ? value : value[..slash];
        var protocol = slash < 0 ? "tcp" : value[(slash + 1)..];
        var dash = ports.IndexOf('-', StringComparison.Ordinal);
        var first = Port(dash < 0 ? ports : ports[..dash], value);
        var last = dash < 0 ? first : Port(ports[(dash + 1)..], value);
        return new PortRange(first, last, protocol);
    }

    private static int Port(string text, string value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            ? port
            : throw new UsageException($"invalid port filter \"{value}\"");

    private sealed record PortRange(int First, int Last, string Protocol)
    {
        public bool Contains(int port, string protocol) =>
            port >= First && port <= Last && string.Equals(protocol, Protocol, StringComparison.OrdinalIgnoreCase);
    }
}
