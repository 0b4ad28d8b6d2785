using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<ContainerInfo> RenameAsync(
        string nameOrId,
        string newName,
        CancellationToken cancellationToken)
    {
        // Podman accepts Docker's leading slash.
        newName = newName.StartsWith('/') ? newName[1..] : newName;
        ContainerName.Validate(newName);
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        if (record.Config.Name == newName)
        {
            return ToInfo(record);
        }

        // Pods and containers share one name space, so a pod's name is as taken as a container's.
        var podDatabase = State.SharedNames.PodDatabaseIn(_options.DatabaseRoot);
        var holder = await _store.FindAsync(newName, cancellationToken);
        if (holder?.Config.Name == newName
            || await State.SharedNames.TakenAsync(podDatabase, "pods", newName, cancellationToken))
        {
            throw new AlreadyExistsException(
                $"renaming container {id}: name {newName} already in use, "
                + $"cannot rename container {id}: container already exists");
        }

        var config = record.Config with { Name = newName };
        await _store.RenameAsync(config, cancellationToken);
        await EmitAsync(config, "rename", cancellationToken);
        return ToInfo(record with { Config = config });
    }
}
