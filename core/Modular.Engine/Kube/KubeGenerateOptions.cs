namespace Modular.Engine.Kube;

/// <summary>The choices of <c>kube generate</c>: Podman's GenerateKubeOptions.</summary>
public sealed record KubeGenerateOptions
{
    /// <summary>The kind the containers and pods become: pod, deployment, daemonset or job.</summary>
    public string Type { get; init; } = KubeKinds.Pod;

    /// <summary><c>--service</c>: a Service of kind NodePort for each pod's ports.</summary>
    public bool Service { get; init; }

    /// <summary><c>--replicas</c>: the Deployment's replica count (1 leaves it out).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary><c>--podman-only</c>: keep Podman's reserved annotations.</summary>
    public bool PodmanOnly { get; init; }
}
