using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Security;
using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// --ipc, --pid, --uts and --cgroupns container:NAME are recorded by id, as the network
    /// mode is, so a rename cannot redirect them.
    /// </summary>
    private async Task<CreateContainerRequest> ResolveNamespaceContainersAsync(
        CreateContainerRequest request,
        CancellationToken cancellationToken)
    {
        var flags = request.Security;
        var ipc = await ResolveModeAsync(flags.Ipc, cancellationToken);
        await RefuseNonShareableIpcAsync(ipc, cancellationToken);
        return request with
        {
            Security = flags with
            {
                Ipc = ipc,
                Pid = await ResolveModeAsync(flags.Pid, cancellationToken),
                Uts = await ResolveModeAsync(flags.Uts, cancellationToken),
                Cgroupns = await ResolveModeAsync(flags.Cgroupns, cancellationToken),
            },
        };
    }

    private async Task<string?> ResolveModeAsync(string? mode, CancellationToken cancellationToken)
    {
        if (mode is null || !mode.StartsWith(NamespaceMode.ContainerPrefix, StringComparison.Ordinal))
        {
            return mode;
        }

        var target = mode[NamespaceMode.ContainerPrefix.Length..];
        var other = await _store.FindAsync(target, cancellationToken) ?? throw NoSuchContainer(target);
        return NamespaceMode.ContainerPrefix + other.Config.Id;
    }

    private async Task ApplySecurityAsync(
        JsonObject spec,
        ContainerConfig config,
        ResolvedUser user,
        string rootfs,
        CancellationToken cancellationToken)
    {
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in SecuritySpec.JoinedContainers(config.Security))
        {
            pids[id] = await RunningPidAsync(id, cancellationToken);
        }

        var shm = await PrepareShmAsync(config, cancellationToken);
        var context = new SecuritySpecContext(config, user, rootfs, pids, _options.SeccompProfilePath, shm);
        SecuritySpec.Apply(spec, context);
    }

    // Another container's namespaces are reached through its main process, which must run.
    private async Task<int> RunningPidAsync(string id, CancellationToken cancellationToken)
    {
        var other = await _store.FindAsync(id, cancellationToken);
        return other is { State.Status: ContainerStatus.Running, State.Pid: > 0 }
            && NamespaceJoin.IsJoinable(other.State.Pid)
            ? other.State.Pid
            : throw new WrongStateException(
                $"cannot join the namespaces of container {other?.Config.Name ?? id}: "
                + "it is not running: container state improper");
    }
}
