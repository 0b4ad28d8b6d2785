namespace Modular.Engine.Kube;

/// <summary>
/// Writes Kubernetes YAML for containers, pods and volumes, as <c>podman kube generate</c>
/// does: the comment header, then PersistentVolumeClaims, Services and the Pod (or
/// Deployment, DaemonSet, Job), separated by "---".
/// </summary>
public interface IKubeGenerator
{
    /// <summary>The YAML text for <paramref name="namesOrIds"/>, ending in a newline.</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">A name that is none of them.</exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">Options Podman refuses.</exception>
    Task<string> GenerateAsync(
        IReadOnlyList<string> namesOrIds,
        KubeGenerateOptions options,
        CancellationToken cancellationToken);
}
