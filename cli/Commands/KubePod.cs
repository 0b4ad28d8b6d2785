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
        var spec = Typed<JsonObject>(root["spec"], "Pod.spec", "v1.PodSpec") ?? new JsonObject();
        var containers = Typed<JsonArray>(spec["containers"], "PodSpec.spec.containers", "[]v1.Container");
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
            [.. Items(containers).Select(KubeContainer.From)]);
    }

    // A field of the wrong YAML type is refused in the words Podman's decoder uses, never
    // read as empty (an empty pod would be made from a containers: "text" typo).
    private static T? Typed<T>(JsonNode? node, string field, string type)
        where T : JsonNode
    {
        if (node is null or T)
        {
            return (T?)node;
        }

        var kind = node switch
        {
            JsonArray => "array",
            JsonObject => "object",
            JsonValue value when value.TryGetValue<bool>(out _) => "bool",
            JsonValue value when value.TryGetValue<long>(out _) => "number",
            _ => "string",
        };
        throw new InvalidInputException(
            $"unable to read YAML as Kube Pod: json: cannot unmarshal {kind} into Go struct field {field} of type {type}");
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
