using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Kube;

/// <summary>
/// The kinds a generated Pod can be wrapped in, with the checks Podman makes on each:
/// Deployments and DaemonSets restart Always, Jobs never do, only Deployments have replicas.
/// </summary>
public static class KubeKinds
{
    public const string Pod = "pod";
    public const string Deployment = "deployment";
    public const string DaemonSet = "daemonset";
    public const string Job = "job";

    /// <summary>Refuses option combinations before anything is looked up, as Podman does.</summary>
    public static void Validate(KubeGenerateOptions options)
    {
        if (options.Replicas > 1 && options.Type != Deployment)
        {
            throw new InvalidInputException(
                "--replicas can only be set when --type is set to deployment");
        }

        if (options.Replicas < 1)
        {
            throw new InvalidInputException(
                "--replicas has to be greater than or equal to 1. By default, --replicas is set to 1");
        }

        if (options.Type is not (Pod or Deployment or DaemonSet or Job))
        {
            throw new InvalidInputException(
                "invalid generation type - only pods, deployments, jobs, and daemonsets are currently supported: "
                + options.Type);
        }
    }

    /// <summary>The object of the requested kind holding <paramref name="pod"/>.</summary>
    public static JsonObject Wrap(JsonObject pod, KubeGenerateOptions options) => options.Type switch
    {
        Deployment => Controller(pod, "Deployment", "apps/v1", "-deployment", options.Replicas),
        DaemonSet => Controller(pod, "DaemonSet", "apps/v1", "-daemonset", 1),
        Job => JobOf(pod),
        _ => pod,
    };

    private static JsonObject Controller(
        JsonObject pod,
        string kind,
        string api,
        string suffix,
        int replicas)
    {
        var restart = RestartPolicy(pod);
        if (restart.Length > 0 && restart != "Always")
        {
            throw new InvalidInputException($"k8s {kind}s can only have restartPolicy set to Always");
        }

        var (metadata, name) = Labelled(pod);
        var spec = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject { ["metadata"] = metadata.DeepClone(), ["spec"] = pod["spec"]!.DeepClone() },
        };
        if (replicas > 1)
        {
            spec["replicas"] = replicas;
        }

        return Object(kind, api, name + suffix, metadata, spec);
    }

    private static JsonObject JobOf(JsonObject pod)
    {
        if (RestartPolicy(pod) == "Always")
        {
            throw new InvalidInputException(
                "k8s Jobs can not have restartPolicy set to Always; only Never and OnFailure policies allowed");
        }

        var (metadata, name) = Labelled(pod);
        var podSpec = pod["spec"]!.DeepClone().AsObject();
        // Kubernetes wants a Job's pods to restart Never or OnFailure; Podman writes Never.
        podSpec["restartPolicy"] = "Never";
        var spec = new JsonObject
        {
            ["completions"] = 1,
            ["parallelism"] = 1,
            ["template"] = new JsonObject { ["metadata"] = metadata.DeepClone(), ["spec"] = podSpec },
        };
        return Object("Job", "batch/v1", name + "-job", metadata, spec);
    }

    /// <summary>A NodePort Service selecting the pod by its app label.</summary>
    public static JsonObject Service(JsonObject pod, JsonArray ports)
    {
        var metadata = pod["metadata"]!.DeepClone().AsObject();
        metadata.Remove("annotations");
        var app = metadata["labels"]?["app"]?.GetValue<string>() ?? "";
        var spec = new JsonObject
        {
            ["selector"] = new JsonObject { ["app"] = app },
            ["type"] = "NodePort",
        };
        if (ports.Count > 0)
        {
            spec["ports"] = ports;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = metadata, ["spec"] = spec };
    }

    // The wrapped kinds carry the pod's labels plus app=POD, in their own metadata and the template's.
    private static (JsonObject Metadata, string Name) Labelled(JsonObject pod)
    {
        var metadata = pod["metadata"]!.DeepClone().AsObject();
        var name = metadata["name"]!.GetValue<string>();
        var labels = metadata["labels"] as JsonObject ?? [];
        labels["app"] = name;
        metadata["labels"] = labels;
        return (metadata, name);
    }

    private static JsonObject Object(
        string kind,
        string api,
        string name,
        JsonObject podMetadata,
        JsonObject spec) => new()
    {
        ["apiVersion"] = api,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["creationTimestamp"] = podMetadata["creationTimestamp"]!.DeepClone(),
            ["labels"] = podMetadata["labels"]!.DeepClone(),
            ["name"] = name,
        },
        ["spec"] = spec,
    };

    private static string RestartPolicy(JsonObject pod) =>
        pod["spec"]?["restartPolicy"]?.GetValue<string>() ?? "";
}
