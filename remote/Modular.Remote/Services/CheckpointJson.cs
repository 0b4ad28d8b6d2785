using System.Text.Json.Nodes;
using Modular.Contracts.Network;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Remote.Services;

/// <summary>Podman's checkpoint and restore reports read back, and --publish written for the query.</summary>
internal static class CheckpointJson
{
    public static CheckpointOutcome Outcome(JsonNode? report, string durationKey, ContainerInfo container)
    {
        var microseconds = report?[durationKey]?.GetValue<long>() ?? 0;
        var statistics = (report?["criu_statistics"] as JsonObject)?
            .Where(s => s.Value is JsonValue)
            .ToDictionary(s => s.Key, s => s.Value!.GetValue<ulong>());
        return new CheckpointOutcome(container, TimeSpan.FromMicroseconds(microseconds), "", statistics);
    }

    /// <summary>A mapping as the --publish text Podman's service parses again.</summary>
    public static string Publish(PortMapping port)
    {
        var container = Span(port.ContainerPort, port.Range);
        var host = port.HostPort == 0 ? "" : Span(port.HostPort, port.Range);
        var ip = port.HostIp.Contains(':') ? $"[{port.HostIp}]" : port.HostIp;
        var text = ip.Length > 0 ? $"{ip}:{host}:{container}"
            : host.Length > 0 ? $"{host}:{container}"
            : container;
        return $"{text}/{port.Protocol}";
    }

    private static string Span(int first, int range) => range > 1 ? $"{first}-{first + range - 1}" : $"{first}";
}
