using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerControl
{
    public async Task<ContainerInfo> PauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status == ContainerStatus.Paused)
        {
            throw new WrongStateException($"\"{id}\" is already paused: container state improper");
        }

        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException(
                $"\"{DisplayStatus(record.State.Status)}\" is not running, can't pause: container state improper");
        }

        // Without a cgroup of its own the freezer would stop whatever shares the caller's.
        if (HasNoCgroup(record))
        {
            throw new WrongStateException(
                "cannot pause without using Cgroups: this container does not have a cgroup");
        }

        await RunRuntimeVerbAsync(record, (runtime, ct) => runtime.PauseAsync(id, ct), cancellationToken);

        // As Podman: no healthcheck runs while frozen; unpause starts the timer again.
        var state = StopHealthTimer(record.State) with { Status = ContainerStatus.Paused };
        await _store.UpdateStateAsync(id, state, cancellationToken);
        await EmitAsync(record.Config, "pause", cancellationToken);
        return ToInfo(record with { State = state });
    }

    public async Task<ContainerInfo> UnpauseAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status != ContainerStatus.Paused)
        {
            throw new WrongStateException($"\"{id}\" is not paused, can't unpause: container state improper");
        }

        await RunRuntimeVerbAsync(record, (runtime, ct) => runtime.ResumeAsync(id, ct), cancellationToken);
        var state = record.State with { Status = ContainerStatus.Running };
        await _store.UpdateStateAsync(id, state, cancellationToken);
        await EmitAsync(record.Config, "unpause", cancellationToken);
        record = await StartHealthLockedAsync(record with { State = state }, cancellationToken);
        return ToInfo(record);
    }

    private async Task RunRuntimeVerbAsync(
        ContainerRecord record,
        Func<RuntimeCommands, CancellationToken, Task<CliWrap.Buffered.BufferedCommandResult>> verb,
        CancellationToken cancellationToken)
    {
        var result = await verb(RuntimeFor(record.Config), cancellationToken);
        if (result.ExitCode != 0)
        {
            var text = RuntimeMessage.Clean(result.StandardError.Trim());
            throw new BackendException($"{record.Config.Runtime}: {text}: OCI runtime error");
        }
    }

    /// <summary>
    /// With the cgroup v1 freezer a frozen process does not die of SIGKILL until thawed:
    /// runc thaws after a SIGKILL to a paused container and crun may not, so the engine
    /// resumes it itself. Other signals stay pending while frozen, as in Podman.
    /// </summary>
    private async Task ThawAfterKillAsync(
        ContainerRecord record,
        int signal,
        CancellationToken cancellationToken)
    {
        if (signal != Signals.Kill || record.State.Status != ContainerStatus.Paused)
        {
            return;
        }

        // A runtime that thawed already refuses to resume a container that is not paused.
        await RuntimeFor(record.Config).ResumeAsync(record.Config.Id, cancellationToken);
    }
}
