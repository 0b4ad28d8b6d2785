using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Podman's ps JSON <c>Ports</c>: netavark's port_mappings keys, or null for none.</summary>
    private static JsonArray? PortsJson(IReadOnlyList<PortMapping>? ports) =>
        ports is not { Count: > 0 } ? null : new JsonArray(ports.Select(port => (JsonNode)new JsonObject
        {
            ["host_ip"] = port.HostIp,
            ["container_port"] = port.ContainerPort,
            ["host_port"] = port.HostPort,
            ["range"] = port.Range,
            ["protocol"] = port.Protocol,
        }).ToArray());

    /// <summary>Podman's ps JSON <c>ExposedPorts</c>: port number to its protocols.</summary>
    private static JsonObject? ExposedPortsJson(IReadOnlyList<string>? exposed)
    {
        if (exposed is not { Count: > 0 })
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var group in exposed.Select(SplitPort).GroupBy(entry => entry.Port))
        {
            json[group.Key] = new JsonArray(group.Select(entry => (JsonNode)JsonValue.Create(entry.Protocol)!).ToArray());
        }

        return json;
    }

    /// <summary>Inspect's <c>Ports</c> map: "80/tcp" to host bindings; exposed-only ports map to null.</summary>
    private static JsonObject PortBindingsJson(IReadOnlyList<PortMapping> ports, IReadOnlyList<string> exposed)
    {
        var json = new JsonObject();
        foreach (var entry in exposed)
        {
            var (port, protocol) = SplitPort(entry);
            json[$"{port}/{protocol}"] = null;
        }

        foreach (var mapping in ports)
        {
            for (var offset = 0; offset < mapping.Range; offset++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{mapping.ContainerPort + offset}/{mapping.Protocol}");
                var binding = new JsonObject
                {
                    ["HostIp"] = mapping.HostIp,
                    ["HostPort"] = (mapping.HostPort + offset).ToString(CultureInfo.InvariantCulture),
                };
                if (json[key] is JsonArray bindings)
                {
                    bindings.Add(binding);
                }
                else
                {
                    json[key] = new JsonArray(binding);
                }
            }
        }

        return json;
    }

    private static (string Port, string Protocol) SplitPort(string exposed)
    {
        var parts = exposed.Split('/', 2);
        return (parts[0], parts.Length == 2 ? parts[1] : "tcp");
    }

    /// <summary>
    /// A container in another's network namespace (container: mode) shows that container's
    /// published ports, as Podman's ps and port do (POD-04): they reach it as well.
    /// </summary>
    private async Task<ContainerInfo> WithSharedPortsAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var info = ToInfo(record);
        var mode = record.Config.NetworkMode;
        if (!mode.StartsWith(Networking.NetworkSelection.ContainerPrefix, StringComparison.Ordinal))
        {
            return info;
        }

        var owner = await _store.FindAsync(mode[Networking.NetworkSelection.ContainerPrefix.Length..], cancellationToken);
        return owner is null ? info : info with { Ports = owner.Config.PortMappings };
    }
}
