using Modular.Engine.Containers.Checkpoints;
using Modular.Engine.Security;
using Modular.Engine.State;
using Modular.Engine.Volumes;

namespace Modular.Engine.Containers;

/// <summary>
/// The container data a checkpoint carries besides criu's images: the private /dev/shm
/// (a host tmpfs that goes with the run, so it is saved right after the dump) and the named
/// volumes, written to an export and created and filled again by an import.
/// </summary>
public sealed partial class ContainerService
{
    public async Task<IReadOnlyList<CheckpointVolume>> CheckpointVolumesAsync(
        string nameOrId,
        CancellationToken cancellationToken)
    {
        var record = await FindAsync(nameOrId, cancellationToken);
        return record.Config.Mounts
            .Where(m => m.Type == ContainerMount.VolumeType && m.Source.Length > 0)
            .Select(m => new CheckpointVolume(m.Source, Volumes.Store.MountPointOf(m.Source)))
            .ToList();
    }

    /// <summary>devshm-checkpoint.tar from the container's own shm tmpfs, as Podman keeps it.</summary>
    private async Task SaveShmContentAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var directory = ShmDirectory(config.Id);
        var target = Path.Combine(PathsFor(config.Id).StaticDirectory, CheckpointArchiveNames.DevShmArchive);
        DeleteFile(target);
        if (!ShmMount.IsMounted(directory))
        {
            return;
        }

        await using var file = new FileStream(target, FileMode.Create, FileAccess.Write);
        await VolumeCommands.ExportAsync(directory, file, cancellationToken);
    }

    /// <summary>Before `runtime restore`: the saved /dev/shm content goes into the new tmpfs.</summary>
    private async Task RestoreShmContentAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var directory = ShmDirectory(config.Id);
        var saved = Path.Combine(PathsFor(config.Id).StaticDirectory, CheckpointArchiveNames.DevShmArchive);
        if (!File.Exists(saved) || !ShmMount.IsMounted(directory))
        {
            return;
        }

        await using var file = File.OpenRead(saved);
        await VolumeCommands.ImportAsync(directory, file, cancellationToken);
    }

    /// <summary>
    /// An imported container's volumes, by name, in this store: each is made (its name goes
    /// to <paramref name="created"/>) and filled from the archive. As Podman, a volume that
    /// already exists is refused unless <paramref name="ignoreContent"/>, which uses it as it is
    /// (and makes missing ones empty).
    /// </summary>
    private async Task<IReadOnlyList<ContainerMount>> ImportVolumesAsync(
        ContainerConfig config,
        string extractedArchive,
        bool ignoreContent,
        List<string> created,
        CancellationToken cancellationToken)
    {
        using var volumesLock = await Volumes.Store.LockAsync(cancellationToken);
        foreach (var mount in config.Mounts.Where(m => m.Type == ContainerMount.VolumeType && !ignoreContent))
        {
            if (mount.Source.Length > 0 && await Volumes.Store.FindAsync(mount.Source, cancellationToken) is not null)
            {
                throw new Contracts.Errors.InvalidInputException(
                    $"volume with name {mount.Source} already exists. Use --ignore-volumes to not restore content of volumes");
            }
        }

        var mounts = new List<ContainerMount>();
        foreach (var mount in config.Mounts)
        {
            if (mount.Type != ContainerMount.VolumeType || mount.Source.Length == 0)
            {
                mounts.Add(mount);
                continue;
            }

            var local = await EnsureVolumeLockedAsync(mount, created, cancellationToken);
            var content = Path.Combine(extractedArchive, CheckpointArchiveNames.VolumeArchive(mount.Source));
            if (!ignoreContent && File.Exists(content))
            {
                await using var file = File.OpenRead(content);
                await VolumeCommands.ImportAsync(local.HostPath!, file, cancellationToken);
            }

            mounts.Add(local);
        }

        return mounts;
    }

    // A failed import takes the volumes it made with it, so the store is as it was.
    private async Task RemoveImportedVolumesAsync(IReadOnlyList<string> created, CancellationToken cancellationToken)
    {
        if (created.Count > 0)
        {
            await RemoveUnusedVolumesAsync(created, cancellationToken);
        }
    }
}
