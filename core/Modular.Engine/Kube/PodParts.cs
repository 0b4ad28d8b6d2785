using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Engine.Kube;

/// <summary>What a generated pod gathers from its containers while they are described.</summary>
internal sealed class PodParts
{
    private readonly JsonArray _containers = [];
    private readonly List<JsonObject> _volumes = [];
    private readonly JsonObject _dns = [];
    private int? _stopTimeout;
    private bool _portsPlaced;

    public Dictionary<string, string> Annotations { get; } = new(StringComparer.Ordinal);

    /// <summary>The pod's hostname: the first container's own, when it set one.</summary>
    public string Hostname { get; set; } = "";

    /// <summary>Every container port written, for a Service of lone containers.</summary>
    public List<JsonNode> Ports { get; } = [];

    /// <summary>
    /// Adds a container. In a pod sharing its network the infra publishes the ports:
    /// <paramref name="podPorts"/> replace the members' own and go on the first member.
    /// </summary>
    public void Add(
        KubeContainer container,
        KubeGenerateOptions options,
        List<JsonNode>? podPorts = null)
    {
        var (json, volumes) = container.Build(options.Service);
        foreach (var (key, value) in container.PodAnnotations(options.PodmanOnly))
        {
            Annotations[key] = value;
        }

        _stopTimeout ??= container.StopTimeout;
        KubeDns.Merge(_dns, container.Dns());
        if (podPorts is not null)
        {
            json.Remove("ports");
            if (!_portsPlaced && podPorts.Count > 0)
            {
                json["ports"] = new JsonArray([.. podPorts.Select(p => p.DeepClone())]);
                _portsPlaced = true;
            }
        }

        Ports.AddRange((json["ports"] as JsonArray ?? []).Select(p => p!.DeepClone()));
        _containers.Add(json);
        // Members sharing a volume list it once.
        _volumes.AddRange(volumes.Where(v => !_volumes.Any(known => Same(known, v))));
    }

    public JsonObject ToPod(string name, bool hostNetwork, string restartPolicy)
    {
        var metadata = new JsonObject
        {
            ["creationTimestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["labels"] = new JsonObject { ["app"] = name },
            ["name"] = name,
        };
        if (Annotations.Count > 0)
        {
            metadata["annotations"] = new JsonObject(Annotations.Select(
                p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = Spec(hostNetwork, restartPolicy),
        };
    }

    private JsonObject Spec(bool hostNetwork, string restartPolicy)
    {
        var spec = new JsonObject { ["containers"] = _containers };
        if (Hostname.Length > 0)
        {
            spec["hostname"] = Hostname;
        }

        if (hostNetwork)
        {
            spec["hostNetwork"] = true;
        }

        if (restartPolicy.Length > 0)
        {
            spec["restartPolicy"] = restartPolicy;
        }

        if (_volumes.Count > 0)
        {
            spec["volumes"] = new JsonArray([.. _volumes]);
        }

        if (_dns.Count > 0)
        {
            spec["dnsConfig"] = _dns;
        }

        if (_stopTimeout is { } timeout)
        {
            spec["terminationGracePeriodSeconds"] = timeout;
        }

        return spec;
    }

    private static bool Same(JsonObject a, JsonObject b) =>
        KubeContainer.Text(a["name"]) == KubeContainer.Text(b["name"]);
}
