using Modular.Engine.Containers.Networking;
using Modular.Engine.Security;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Starts what a container needs running before it can start, as Podman's recursive
    /// start does: its pod's infra, and each container whose namespaces it joins
    /// (--ipc/--pid/--uts/--cgroupns/--network container:X), even one only created.
    /// </summary>
    private async Task StartDependenciesAsync(string id, CancellationToken cancellationToken)
    {
        await StartPodInfraAsync(id, cancellationToken);
        var record = await _store.FindAsync(id, cancellationToken);
        if (record is null)
        {
            return;
        }

        foreach (var other in Dependencies(record.Config))
        {
            var dependency = await _store.FindAsync(other, cancellationToken);
            if (dependency is not null && dependency.State.Status != ContainerStatus.Running)
            {
                await StartAsync(other, cancellationToken);
            }
        }
    }

    private static IEnumerable<string> Dependencies(ContainerConfig config)
    {
        var joined = SecuritySpec.JoinedContainers(config.Security);
        var network = config.NetworkMode.StartsWith(NetworkSelection.ContainerPrefix, StringComparison.Ordinal)
            ? [config.NetworkMode[NetworkSelection.ContainerPrefix.Length..]]
            : Array.Empty<string>();
        return joined.Concat(network).Where(other => other != config.Id).Distinct(StringComparer.Ordinal);
    }
}
