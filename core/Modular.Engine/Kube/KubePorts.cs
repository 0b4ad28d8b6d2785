using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Kube;

/// <summary>Published ports as v1.ContainerPorts, and as the NodePort Service's ports.</summary>
internal static class KubePorts
{
    /// <summary>
    /// One ContainerPort per published port of inspect's PortBindings ("80/tcp": [{HostIp,
    /// HostPort}]); tcp is Kubernetes' default and is not written; a Service's ports carry no
    /// hostPort (the Service publishes them).
    /// </summary>
    public static IEnumerable<JsonNode> FromBindings(JsonObject? bindings, bool forService)
    {
        foreach (var (key, hosts) in bindings ?? [])
        {
            var (port, protocol) = Split(key);
            foreach (var host in (hosts as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return Port(port, protocol, host, forService);
            }
        }
    }

    /// <summary>Service ports for <paramref name="ports"/>, each with a free NodePort from 30000-32767.</summary>
    public static JsonArray ServicePorts(IEnumerable<JsonNode> ports)
    {
        var used = new HashSet<int>();
        var service = new JsonArray();
        foreach (var port in ports.OfType<JsonObject>())
        {
            var number = port["containerPort"]!.GetValue<int>();
            var entry = new JsonObject
            {
                ["name"] = number.ToString(CultureInfo.InvariantCulture),
                ["nodePort"] = NodePort(used),
                ["port"] = number,
                ["targetPort"] = number,
            };
            if (port["protocol"] is { } protocol)
            {
                entry["protocol"] = protocol.DeepClone();
            }

            service.Add(entry);
        }

        return service;
    }

    private static JsonObject Port(int port, string protocol, JsonObject host, bool forService)
    {
        var entry = new JsonObject { ["containerPort"] = port };
        var hostIp = KubeContainer.Text(host["HostIp"]);
        if (hostIp.Length > 0)
        {
            entry["hostIP"] = hostIp;
        }

        if (!forService && int.TryParse(KubeContainer.Text(host["HostPort"]), out var hostPort) && hostPort > 0)
        {
            entry["hostPort"] = hostPort;
        }

        if (protocol != "TCP")
        {
            entry["protocol"] = protocol;
        }

        return entry;
    }

    private static (int Port, string Protocol) Split(string key)
    {
        var slash = key.IndexOf('/');
        var protocol = (slash < 0 ? "tcp" : key[(slash + 1)..]).ToUpperInvariant();
        if (protocol is not ("TCP" or "UDP" or "SCTP"))
        {
            throw new InvalidInputException($"unknown network protocol {protocol.ToLowerInvariant()}");
        }

        return (int.Parse(slash < 0 ? key : key[..slash], CultureInfo.InvariantCulture), protocol);
    }

    private static int NodePort(HashSet<int> used)
    {
        // Kubernetes' NodePort range; Podman picks at random, and so does this.
        while (true)
        {
            var candidate = Random.Shared.Next(30000, 32768);
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
