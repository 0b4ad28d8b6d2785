using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>restart</c>: stop and start under one hold of the lock, so the exit command of
    /// the stopped run finds the new run alive and its restart policy has nothing to do.
    /// </summary>
    public async Task<ContainerInfo> RestartAsync(
        string nameOrId,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status == ContainerStatus.Paused)
        {
            throw new WrongStateException(
                "unable to restart a container in a paused or unknown state: container state improper");
        }

        await EmitAsync(record.Config, "restart", cancellationToken);
        if (record.State.Status == ContainerStatus.Running)
        {
            await StopLockedAsync(record, timeoutSeconds, cancellationToken);

            // Released, not cleaned up: a --rm container is restarted, not removed.
            record = await ReleaseLockedAsync(record, cancellationToken);
        }

        record = await InitUnlessCreatedLockedAsync(ByUser(record), cancellationToken);
        record = await StartRuntimeLockedAsync(record, cancellationToken);
        return ToInfo(record);
    }
}
