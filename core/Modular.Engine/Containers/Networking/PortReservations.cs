using System.Globalization;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// The check before a container's network is set up that its host ports are free.
/// Netavark and CNI's portmap only add DNAT rules and bind nothing, so a port held by
/// another container is found in the container database, and a port held by any other
/// program by binding it briefly; either way the start fails as Podman's does (126).
/// </summary>
internal static class PortReservations
{
    /// <exception cref="CannotInvokeException">A host port is in use.</exception>
    public static void EnsureFree(
        IReadOnlyList<PortMapping> mappings,
        IEnumerable<PortMapping> heldByOthers)
    {
        var held = heldByOthers.ToList();
        foreach (var mapping in mappings)
        {
            for (var offset = 0; offset < mapping.Range; offset++)
            {
                var single = mapping with { HostPort = mapping.HostPort + offset, Range = 1 };
                if (held.Any(other => PublishedPorts.Overlap(other, single))
                    || !PublishedPorts.CanBind(mapping, single.HostPort))
                {
                    throw InUse(single);
                }
            }
        }
    }

    // Podman's text, from Go's net.Listen error: "listen tcp4 127.0.0.1:80: bind: ...".
    private static CannotInvokeException InUse(PortMapping mapping)
    {
        var ipv6 = mapping.HostIp.Contains(':');
        var network = mapping.Protocol + (ipv6 ? "6" : "4");
        var host = ipv6 ? $"[{mapping.HostIp}]" : mapping.HostIp;
        var kind = mapping.Protocol.ToUpperInvariant();
        return new CannotInvokeException(string.Create(
            CultureInfo.InvariantCulture,
            $"cannot listen on the {kind} port: listen {network} {host}:{mapping.HostPort}: bind: address already in use"));
    }
}
