using Modular.Engine.Pods;

namespace Modular.Cli.Commands;

/// <summary>
/// Podman's <c>pod rm</c> of a pod with running members: one Error line for the pod
/// (libpod's ErrRemovingCtrs, exit 125), then one for each container it could not remove.
/// </summary>
public sealed class PodRemovalFailure(string podId, IReadOnlyList<string> details)
    : Exception($"not all containers could be removed from pod {podId}: removing pod containers")
{
    /// <summary>The per-container lines, printed after the first, each as its own Error line.</summary>
    public IReadOnlyList<string> Details { get; } = details;

    /// <summary>The running or paused members other than the infra, which goes with its pod.</summary>
    public static PodRemovalFailure For(PodView pod)
    {
        var blocking = pod.Containers.Where(member => !member.IsInfra && member.Status is "running" or "paused");
        return new PodRemovalFailure(pod.Config.Id, [.. blocking.Select(member =>
            $"cannot remove container {member.Id} as it is {member.Status} - running or paused "
            + "containers cannot be removed without force: container state improper")]);
    }
}
