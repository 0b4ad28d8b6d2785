using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>mount</c> and <c>unmount</c>: the storage driver counts mounts, so the user's mount
/// and a run's mount stack; the state remembers how many the user holds, so a run's exit
/// leaves the user's mount in place and <c>rm</c> gives them all back.
/// </summary>
public sealed partial class ContainerService
{
    public async Task<ContainerMountInfo> MountAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var config = record.Config;
        var path = config.RootfsPath ?? await _layers!.MountAsync(config.LayerId!, cancellationToken);
        var state = record.State with { UserMounts = record.State.UserMounts + 1, UserMountPoint = path };
        await _store.UpdateStateAsync(id, state, cancellationToken);
        await EmitAsync(config, "mount", cancellationToken);
        return new ContainerMountInfo(id, config.Name, path);
    }

    public async Task<ContainerMountInfo?> UnmountAsync(
        string nameOrId,
        bool force,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var state = record.State;
        if (state.Status == ContainerStatus.Running)
        {
            // As Podman: a running container's rootfs stays mounted, and that is no error.
            return null;
        }

        if (state.UserMounts == 0 && state.MountPoint is not null)
        {
            // Initialized: the runtime's mount is the last one, and start still needs it.
            throw new WrongStateException(
                $"unmounting container {id}: can't unmount {id} last mount, it is still in use");
        }

        if (state.UserMounts == 0)
        {
            // As containers/storage: putting back a layer that is not mounted succeeds.
            return new ContainerMountInfo(id, record.Config.Name, "");
        }

        var released = await ReleaseUserMountsAsync(record, force ? state.UserMounts : 1, cancellationToken);
        await _store.UpdateStateAsync(id, released, cancellationToken);
        await EmitAsync(record.Config, "unmount", cancellationToken);
        return new ContainerMountInfo(id, record.Config.Name, state.UserMountPoint ?? "");
    }

    public async Task<IReadOnlyList<ContainerMountInfo>> ListMountedAsync(CancellationToken cancellationToken)
    {
        var mounted = new List<ContainerMountInfo>();
        foreach (var container in await ListAsync(all: true, cancellationToken))
        {
            var state = (await _store.FindAsync(container.Id, cancellationToken))?.State;
            var path = state?.MountPoint ?? (state?.UserMounts > 0 ? state.UserMountPoint : null);
            if (path is not null)
            {
                mounted.Add(new ContainerMountInfo(container.Id, container.Name, path));
            }
        }

        return mounted;
    }

    /// <summary>Gives back <paramref name="count"/> of the user's mounts; returns the new state.</summary>
    private async Task<ContainerRuntimeState> ReleaseUserMountsAsync(
        ContainerRecord record,
        int count,
        CancellationToken cancellationToken)
    {
        var state = record.State;
        for (var i = 0; i < count && record.Config.LayerId is { } layer && _layers is not null; i++)
        {
            await _layers.UnmountAsync(layer, cancellationToken);
        }

        var left = Math.Max(0, state.UserMounts - count);
        return state with { UserMounts = left, UserMountPoint = left > 0 ? state.UserMountPoint : null };
    }
}
