using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;

namespace Modular.Engine.Pods;

/// <summary>
/// The pod's cgroup with the cgroupfs manager: PARENT/POD_ID, made when the pod is created
/// (as Podman 5 does) so its containers, the infra first, and their conmon cgroup
/// (PARENT/POD_ID/conmon) go under it; removed in every hierarchy by <c>pod rm</c>.
/// </summary>
public sealed partial class PodService
{
    private static readonly TimeSpan CgroupDrainTimeout = TimeSpan.FromSeconds(5);

    private PodConfig WithCgroup(PodConfig pod, string? requestedParent)
    {
        if (options.CgroupManager != "cgroupfs")
        {
            return requestedParent is { Length: > 0 } parent ? pod with { CgroupParent = parent } : pod;
        }

        var chosen = requestedParent is { Length: > 0 } given ? given : CgroupPlacement.DefaultCgroupfsParent;
        if (Path.GetFileName(chosen.TrimEnd('/')).EndsWith(".slice", StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                "systemd slice received as cgroup parent when using cgroupfs: invalid argument");
        }

        // A relative parent is taken from the root of each hierarchy, as for containers.
        var cgroupParent = "/" + chosen.Trim('/');
        return pod with
        {
            CgroupParent = cgroupParent,
            // Podman gives every pod its cgroup, with or without an infra (UsePodCgroup).
            CgroupPath = $"{cgroupParent.TrimEnd('/')}/{pod.Id}",
        };
    }

    /// <summary>Makes the pod's cgroup (again, after pod stop) with the pod's limits.</summary>
    public static void CreateCgroup(PodConfig pod)
    {
        if (pod.CgroupPath.Length > 0)
        {
            CgroupTree.Ensure(pod.CgroupPath, CgroupLayout.Host);
            PodCgroupLimits.Write(pod.CgroupPath, pod.Limits, CgroupLayout.Host);
        }
    }

    private static void RemoveCgroup(PodConfig pod)
    {
        if (pod.CgroupPath.Length > 0)
        {
            CgroupTree.Remove(pod.CgroupPath, CgroupLayout.Host);
        }
    }

    /// <summary>
    /// Removes the pod's cgroup and its conmon cgroup. The containers are gone, but their
    /// conmon processes may still be running their exit command for a moment, so an
    /// occupied cgroup is tried again until it drains or the timeout passes.
    /// </summary>
    private static async Task RemoveCgroupAsync(PodConfig pod, CancellationToken cancellationToken)
    {
        if (pod.CgroupPath.Length == 0)
        {
            return;
        }

        var deadline = DateTimeOffset.UtcNow + CgroupDrainTimeout;
        while (CgroupTree.Remove(pod.CgroupPath, CgroupLayout.Host).Count > 0
            && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
