using Modular.Engine.Pods;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// A pod's cgroup is removed when the pod stops; a member started again (by pod start,
    /// start, or a restart policy) needs it back with the pod's limits before the runtime
    /// makes the container's own cgroup below it, or the limits would be lost.
    /// </summary>
    private async Task EnsurePodCgroupAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        if (config.Pod is not { } podId
            || config.Resources.CgroupParent.Length == 0
            || await PodRecords.FindAsync(podId, cancellationToken) is not { } pod
            || pod.CgroupPath != config.Resources.CgroupParent)
        {
            return;
        }

        PodService.CreateCgroup(pod);
    }
}
