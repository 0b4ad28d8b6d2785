using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<bool> InitAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.State.Status is not (ContainerStatus.Configured or ContainerStatus.Stopped
            or ContainerStatus.Exited))
        {
            throw new WrongStateException(
                $"container {id} has already been created in runtime: container state improper");
        }

        await InitLockedAsync(ByUser(record), cancellationToken);
        return true;
    }

    /// <summary>
    /// Initializes unless <c>init</c> did already: a created container has its conmon and
    /// runtime state waiting for <c>start</c>, and doing it again would orphan them.
    /// </summary>
    private async Task<ContainerRecord> InitUnlessCreatedLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken) =>
        record.State.Status == ContainerStatus.Created && !IsGone(record)
            ? record
            : await InitLockedAsync(record, cancellationToken);
}
