using Modular.Contracts.Errors;
using Modular.Engine.Containers.Networking;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>restore --import --pod</c>: a pod member's checkpoint goes into an existing pod, as
/// Podman's import does: every namespace the member shared with its old pod's infra must be
/// shared by the new pod too, and is then the new infra's; its cgroup goes under the new pod.
/// </summary>
public sealed partial class ContainerService
{
    private static readonly Dictionary<string, string> NamespaceWords = new()
    {
        ["ipc"] = "IPC", ["uts"] = "UTS", ["pid"] = "PID", ["cgroup"] = "cgroup", ["net"] = "network",
    };

    private async Task<ContainerConfig> RebaseIntoPodAsync(
        ContainerConfig config,
        string? podName,
        CancellationToken cancellationToken)
    {
        if (config.Pod is not null && podName is null)
        {
            throw new InvalidInputException("cannot restore pod container without --pod");
        }

        if (config.Pod is null && podName is not null)
        {
            throw new InvalidInputException("cannot restore non pod container into pod");
        }

        if (podName is null)
        {
            return config;
        }

        var pod = await PodRecords.GetAsync(podName, cancellationToken);
        var joinsNetwork = config.NetworkMode.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal);
        var kinds = config.JoinedNamespaces.Keys.Concat(joinsNetwork ? ["net"] : Array.Empty<string>());
        foreach (var kind in kinds.Where(kind => !pod.Shares(kind) || pod.InfraId.Length == 0))
        {
            throw new InvalidInputException(
                $"pod {pod.Id} does not share the {NamespaceWords.GetValueOrDefault(kind, kind)} namespace");
        }

        var resources = config.Resources with { CgroupParent = pod.CgroupPath };
        return config with
        {
            Pod = pod.Id,
            PodName = pod.Name,
            JoinedNamespaces = config.JoinedNamespaces.ToDictionary(pair => pair.Key, _ => pod.InfraId),
            NetworkMode = joinsNetwork ? NetworkSelection.ContainerPrefix + pod.InfraId : config.NetworkMode,
            Resources = resources,
            CgroupsPath = Resources.CgroupPlacement.PathFor(_options.CgroupManager, config.Id, resources),
        };
    }
}
