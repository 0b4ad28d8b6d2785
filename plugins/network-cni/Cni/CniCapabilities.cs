using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// The capability arguments of one container on one network, as libcni hands them to a
/// plugin that declares them: <c>portMappings</c> (portmap), <c>aliases</c> (dnsname)
/// and <c>ips</c> when there is more than one static address.
/// </summary>
internal static class CniCapabilities
{
    public static IReadOnlyDictionary<string, JsonNode> For(
        NetworkSetupRequest request,
        NetworkAttachment attachment)
    {
        var capabilities = new Dictionary<string, JsonNode>();
        if (request.Ports.Count > 0)
        {
            capabilities["portMappings"] = new JsonArray(PortEntries(request.Ports).ToArray<JsonNode?>());
        }

        if (attachment.Aliases.Count > 0)
        {
            capabilities["aliases"] = new JsonObject
            {
                [attachment.Network.Name] = JsonMaps.ToArray(attachment.Aliases),
            };
        }

        if (attachment.StaticIps.Count > 1)
        {
            capabilities["ips"] = JsonMaps.ToArray(attachment.StaticIps);
        }

        return capabilities;
    }

    /// <summary>portmap takes one entry per port and protocol; a range and "tcp,udp" expand.</summary>
    private static IEnumerable<JsonObject> PortEntries(IEnumerable<PortMapping> ports) =>
        from port in ports
        from protocol in (string.IsNullOrEmpty(port.Protocol) ? "tcp" : port.Protocol).Split(',')
        from offset in Enumerable.Range(0, Math.Max(port.Range, 1))
        select new JsonObject
        {
            ["hostPort"] = port.HostPort + offset,
            ["containerPort"] = port.ContainerPort + offset,
            ["protocol"] = protocol,
            ["hostIP"] = port.HostIp,
        };
}
