using System.Text.Json.Nodes;
using Modular.Contracts.Network;

namespace Modular.Api.Compat;

/// <summary>Docker's PortBindings map ("80/tcp": [{HostIp, HostPort}]) and back.</summary>
public static class DockerPortBindings
{
    public static IReadOnlyList<PortMapping> Parse(JsonNode? node)
    {
        var list = new List<PortMapping>();
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            var slash = key.IndexOf('/');
            var port = int.Parse(slash < 0 ? key : key[..slash], System.Globalization.CultureInfo.InvariantCulture);
            var protocol = slash < 0 ? "tcp" : key[(slash + 1)..];
            foreach (var binding in value as JsonArray ?? [])
            {
                var hostPort = binding?["HostPort"]?.GetValue<string>();
                list.Add(new PortMapping(
                    binding?["HostIp"]?.GetValue<string>() ?? "",
                    port,
                    string.IsNullOrEmpty(hostPort) ? 0 : int.Parse(hostPort, System.Globalization.CultureInfo.InvariantCulture),
                    1,
                    protocol));
            }
        }

        return list;
    }

    /// <summary>
    /// The list form of /containers/json: one entry per published port, then (as Podman
    /// lists them) each port exposed but not published, with its number and protocol only.
    /// <paramref name="inspected"/> is inspect's NetworkSettings.Ports ("80/tcp": null when
    /// not published).
    /// </summary>
    public static JsonArray ToList(IReadOnlyList<PortMapping>? ports, JsonObject? inspected = null)
    {
        var array = Published(ports);
        foreach (var (key, bindings) in inspected ?? [])
        {
            var (number, protocol) = key.IndexOf('/') is var slash and >= 0 ? (key[..slash], key[(slash + 1)..]) : (key, "tcp");
            if (bindings is JsonArray { Count: > 0 }
                || !int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                continue;
            }

            array.Add(new JsonObject { ["PrivatePort"] = port, ["Type"] = protocol });
        }

        return array;
    }

    private static JsonArray Published(IReadOnlyList<PortMapping>? ports)
    {
        var array = new JsonArray();
        foreach (var p in ports ?? [])
        {
            for (var i = 0; i < Math.Max(1, p.Range); i++)
            {
                array.Add(new JsonObject
                {
                    ["IP"] = p.HostIp.Length == 0 ? "0.0.0.0" : p.HostIp,
                    ["PrivatePort"] = p.ContainerPort + i,
                    ["PublicPort"] = p.HostPort + i,
                    ["Type"] = p.Protocol,
                });
            }
        }

        return array;
    }
}
