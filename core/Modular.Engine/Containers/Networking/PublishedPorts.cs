using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// Completes a container's published ports at create: <c>-P</c> adds the image's exposed
/// ports, and every host port of 0 gets free host ports of its own, distinct from the
/// container's other mappings (RUN-01: two ranges without host ports must not collide).
/// </summary>
internal static class PublishedPorts
{
    private const int Attempts = 50;

    public static IReadOnlyList<PortMapping> Complete(
        IReadOnlyList<PortMapping> requested,
        bool publishAll,
        IReadOnlyList<string> exposedPorts)
    {
        var mappings = requested.ToList();
        if (publishAll)
        {
            mappings.AddRange(ExposedNotPublished(exposedPorts, mappings));
        }

        var taken = new List<PortMapping>();
        foreach (var mapping in mappings.Where(mapping => mapping.HostPort != 0))
        {
            RefuseOverlap(mapping, taken);
            taken.Add(mapping);
        }

        var result = new List<PortMapping>();
        foreach (var mapping in mappings)
        {
            var complete = mapping.HostPort != 0 ? mapping : mapping with { HostPort = FreeRange(mapping, taken) };
            if (mapping.HostPort == 0)
            {
                taken.Add(complete);
            }

            result.Add(complete);
        }

        return result;
    }

    /// <summary>Whether two mappings claim one host port of one protocol on one address.</summary>
    public static bool Overlap(PortMapping a, PortMapping b) =>
        a.Protocol == b.Protocol
        && (a.HostIp.Length == 0 || b.HostIp.Length == 0 || a.HostIp == b.HostIp)
        && a.HostPort < b.HostPort + b.Range && b.HostPort < a.HostPort + a.Range;

    private static IEnumerable<PortMapping> ExposedNotPublished(
        IReadOnlyList<string> exposedPorts,
        List<PortMapping> mappings)
    {
        foreach (var exposed in exposedPorts)
        {
            var parts = exposed.Split('/', 2);
            var protocol = parts.Length == 2 ? parts[1] : "tcp";
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || mappings.Any(m => m.Protocol == protocol && port >= m.ContainerPort && port < m.ContainerPort + m.Range))
            {
                continue;
            }

            yield return new PortMapping("", port, 0, 1, protocol);
        }
    }

    private static void RefuseOverlap(PortMapping mapping, List<PortMapping> taken)
    {
        if (taken.Any(other => Overlap(other, mapping)))
        {
            throw new InvalidInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"conflicting port mappings for host port {mapping.HostPort} (protocol {mapping.Protocol})"));
        }
    }

    // The kernel picks a free ephemeral port, as Podman does; for a range, the ports after
    // it must be free too, and none may be one this container already publishes.
    private static int FreeRange(PortMapping mapping, List<PortMapping> taken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var start = KernelPickedPort(mapping);
            var candidate = mapping with { HostPort = start };
            if (start + mapping.Range <= 65536
                && !taken.Any(other => Overlap(other, candidate))
                && Enumerable.Range(start, mapping.Range).All(port => CanBind(mapping, port)))
            {
                return start;
            }
        }

        throw new WrongStateException(string.Create(
            CultureInfo.InvariantCulture,
            $"failed to find {mapping.Range} free host ports for container port {mapping.ContainerPort}/{mapping.Protocol}"));
    }

    private static int KernelPickedPort(PortMapping mapping)
    {
        using var socket = OpenSocket(mapping);
        socket.Bind(new IPEndPoint(BindAddress(mapping.HostIp), 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public static bool CanBind(PortMapping mapping, int port)
    {
        try
        {
            using var socket = OpenSocket(mapping);
            socket.Bind(new IPEndPoint(BindAddress(mapping.HostIp), port));
            if (socket.SocketType == SocketType.Stream)
            {
                socket.Listen();
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static Socket OpenSocket(PortMapping mapping)
    {
        var address = BindAddress(mapping.HostIp);
        return mapping.Protocol == "udp"
            ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
    }

    public static IPAddress BindAddress(string hostIp) =>
        hostIp.Length == 0 ? IPAddress.Any : IPAddress.Parse(hostIp);
}
