using System.Globalization;
using Modular.Contracts.Network;

namespace Modular.Engine.Containers.Networking;

/// <summary>Published ports as Podman 5 prints them in <c>ps</c> and <c>port</c>.</summary>
public static class PortText
{
    /// <summary>
    /// The PORTS column: <c>0.0.0.0:8080-8081->80-81/tcp, 53/udp</c>. Consecutive mappings
    /// merge into ranges, and exposed ports that are not published follow, bare.
    /// </summary>
    public static string Column(IReadOnlyList<PortMapping> mappings, IReadOnlyList<string> exposedPorts)
    {
        var parts = Collapse(mappings).Select(mapping =>
        {
            var hostIp = DisplayIp(mapping.HostIp);
            return mapping.Range > 1
                ? Invariant($"{hostIp}:{mapping.HostPort}-{mapping.HostPort + mapping.Range - 1}->{mapping.ContainerPort}-{mapping.ContainerPort + mapping.Range - 1}/{mapping.Protocol}")
                : Invariant($"{hostIp}:{mapping.HostPort}->{mapping.ContainerPort}/{mapping.Protocol}");
        }).ToList();
        parts.AddRange(exposedPorts.Where(exposed => !IsPublished(exposed, mappings)));
        return string.Join(", ", parts);
    }

    /// <summary>One line per published port, <c>80/tcp -> 0.0.0.0:8080</c>, as <c>podman port</c>.</summary>
    public static IEnumerable<(int ContainerPort, string Protocol, string Host)> Ports(IReadOnlyList<PortMapping> mappings) =>
        mappings.SelectMany(mapping => Enumerable.Range(0, Math.Max(1, mapping.Range)).Select(offset => (
            mapping.ContainerPort + offset,
            mapping.Protocol,
            Invariant($"{DisplayIp(mapping.HostIp)}:{mapping.HostPort + offset}"))));

    /// <summary>Merges mappings whose host and container ports both continue the previous one.</summary>
    public static IReadOnlyList<PortMapping> Collapse(IReadOnlyList<PortMapping> mappings)
    {
        var result = new List<PortMapping>();
        var ordered = mappings.OrderBy(m => m.Protocol, StringComparer.Ordinal)
            .ThenBy(m => m.HostIp, StringComparer.Ordinal)
            .ThenBy(m => m.ContainerPort);
        foreach (var mapping in ordered)
        {
            var last = result.Count > 0 ? result[^1] : null;
            if (last is not null && last.Protocol == mapping.Protocol && last.HostIp == mapping.HostIp
                && last.ContainerPort + last.Range == mapping.ContainerPort
                && last.HostPort + last.Range == mapping.HostPort)
            {
                result[^1] = last with { Range = last.Range + mapping.Range };
                continue;
            }

            result.Add(mapping);
        }

        return result;
    }

    private static bool IsPublished(string exposed, IReadOnlyList<PortMapping> mappings)
    {
        var parts = exposed.Split('/', 2);
        var protocol = parts.Length == 2 ? parts[1] : "tcp";
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && mappings.Any(m => m.Protocol == protocol && port >= m.ContainerPort && port < m.ContainerPort + m.Range);
    }

    private static string DisplayIp(string hostIp) =>
        hostIp.Length == 0 ? "0.0.0.0" : hostIp.Contains(':') ? $"[{hostIp}]" : hostIp;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
