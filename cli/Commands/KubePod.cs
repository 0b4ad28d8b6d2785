using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>What <c>kube play</c> reads of a Kubernetes Pod: its name, labels, hostname,
/// restart policy and containers.</summary>
public sealed record KubePod(
    string Name,
    IReadOnlyList<string> Labels,
    string? Hostname,
    string RestartPolicy,
    IReadOnlyList<KubeContainer> Containers)
{
    private static readonly HashSet<string> PodmanPlays = new(StringComparer.Ordinal)
    {
        "Deployment", "DaemonSet", "Job", "PersistentVolumeClaim", "ConfigMap", "Secret",
    };

    /// <summary>The Pod of one YAML document; null for a kind <c>kube play</c> leaves alone.</summary>
    public static KubePod? From(JsonNode document)
    {
        if (document is not JsonObject root)
        {
            throw new InvalidInputException("unable to read kube YAML: the document is not a map");
        }

        var kind = Text(root["kind"]);
        if (kind != "Pod" && !PodmanPlays.Contains(kind))
        {
            // Podman passes over kinds it does not play (a Service ...), and so does modpod.
            return null;
        }

        if (kind != "Pod")
        {
            // Kinds Podman plays and modpod does not yet are refused, never half-played.
            throw new InvalidInputException(
                $"kube play of kind {(kind.Length == 0 ? "(none)" : kind)} "
                + "is not supported by modpod: only Pod is");
        }

        var metadata = root["metadata"] as JsonObject;
        var spec = root["spec"] as JsonObject ?? new JsonObject();
        var name = Text(metadata?["name"]);
        if (name.Length == 0)
        {
            throw new InvalidInputException("pod does not have a name");
        }

        return new KubePod(
            name,
            Pairs(metadata?["labels"]),
            Text(spec["hostname"]) is { Length: > 0 } host ? host : null,
            RestartOf(Text(spec["restartPolicy"])),
            [.. Items(spec["containers"]).Select(KubeContainer.From)]);
    }

    // Kubernetes' policies in Podman's words; Always is the default, as in Kubernetes.
    private static string RestartOf(string policy) => policy switch
    {
        "OnFailure" => "on-failure",
        "Never" => "no",
        _ => "always",
    };

    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => value.ToString(),
        _ => node.ToJsonString(),
    };

    internal static IEnumerable<JsonObject> Items(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    internal static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(Text)] : [];

    private static IReadOnlyList<string> Pairs(JsonNode? node) =>
        node is JsonObject map ? [.. map.Select(p => $"{p.Key}={Text(p.Value)}")] : [];
}
