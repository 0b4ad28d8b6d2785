using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Spec;
using Modular.Engine.State;
using Modular.Engine.Volumes;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private VolumeLifecycle? _volumeLifecycle;

    private VolumeLifecycle Volumes =>
        _volumeLifecycle ??= new VolumeLifecycle(new VolumeStore(_options.GraphRoot, _options.RunRoot), _events);

    /// <summary>
    /// The container's mounts from -v, --mount, --tmpfs, --volumes-from and the image's VOLUME
    /// entries, with every volume they name made (a bare name creates it, as Podman does).
    /// Names of volumes made here go to <paramref name="created"/> so a failed create can remove them.
    /// </summary>
    private async Task<IReadOnlyList<ContainerMount>> ResolveMountsAsync(
        CreateContainerRequest request,
        LocalImage? image,
        List<string> created,
        CancellationToken cancellationToken)
    {
        var mounts = MountParser.Parse(request.Volumes, request.Mounts, request.Tmpfs, Environment.CurrentDirectory)
            .ToList();

        // containers.conf volumes: the user's own mount at the same destination wins.
        foreach (var value in request.IsInfra ? [] : _options.DefaultVolumes)
        {
            var mount = MountParser.ParseVolume(value, Environment.CurrentDirectory);
            if (!mounts.Any(existing => MountParser.SameDestination(existing.Destination, mount.Destination)))
            {
                mounts.Add(mount);
            }
        }

        CheckBindSources(mounts);
        await AddVolumesFromAsync(mounts, request.VolumesFrom, cancellationToken);
        AddImageVolumes(mounts, request.ImageVolume ?? _options.ImageVolumeMode, image);
        using var volumesLock = await Volumes.Store.LockAsync(cancellationToken);
        var resolved = new List<ContainerMount>();
        foreach (var mount in mounts)
        {
            resolved.Add(mount.Type == ContainerMount.VolumeType
                ? await EnsureVolumeLockedAsync(mount, created, cancellationToken)
                : mount);
        }

        return resolved;
    }

    // RUN-08: Podman refuses a missing host path rather than creating it as Docker does.
    private static void CheckBindSources(IEnumerable<ContainerMount> mounts)
    {
        foreach (var mount in mounts.Where(m => m.Type == ContainerMount.BindType))
        {
            if (!Path.Exists(mount.Source))
            {
                throw new InvalidInputException($"statfs {mount.Source}: no such file or directory");
            }
        }
    }

    private async Task<ContainerMount> EnsureVolumeLockedAsync(
        ContainerMount mount,
        List<string> created,
        CancellationToken cancellationToken)
    {
        var existing = mount.Source.Length == 0 ? null : await Volumes.Store.FindAsync(mount.Source, cancellationToken);
        if (existing is null)
        {
            var volumeOptions = mount.Options
                .Where(o => o.StartsWith("volume-opt=", StringComparison.Ordinal))
                .Select(o => o["volume-opt=".Length..])
                .ToList();
            existing = await Volumes.CreateLockedAsync(
                new VolumeCreateRequest(mount.Source, Options: volumeOptions, Anonymous: mount.Anonymous),
                cancellationToken);
            created.Add(existing.Name);
        }

        return mount with { Source = existing.Name, HostPath = Volumes.Store.MountPointOf(existing.Name) };
    }

    // --volumes-from copies the other container's volumes and binds (not its tmpfs), keeping
    // their options unless :ro or :rw overrides; a destination the user mounted wins.
    private async Task AddVolumesFromAsync(
        List<ContainerMount> mounts,
        IReadOnlyList<string> volumesFrom,
        CancellationToken cancellationToken)
    {
        foreach (var entry in volumesFrom)
        {
            var parts = entry.Split(':', 2);
            var mode = parts.Length > 1 ? parts[1] : null;
            if (mode is not (null or "ro" or "rw" or "z"))
            {
                throw new InvalidInputException($"invalid options {mode}, can only specify 'ro', 'rw', and 'z'");
            }

            var source = await _store.FindAsync(parts[0], cancellationToken) ?? throw NoSuchContainer(parts[0]);
            foreach (var mount in source.Config.Mounts.Where(m => m.Type != ContainerMount.TmpfsType))
            {
                if (mounts.All(m => m.Destination != mount.Destination))
                {
                    mounts.Add(WithMode(mount, mode) with { Anonymous = false });
                }
            }
        }
    }

    private static ContainerMount WithMode(ContainerMount mount, string? mode) =>
        mode is "ro" or "rw"
            ? mount with { Options = [mode, .. mount.Options.Where(o => o is not ("ro" or "rw"))] }
            : mount;

    // Podman's --image-volume: anonymous (the default; bind is its older name) makes each
    // VOLUME an anonymous volume, tmpfs mounts a tmpfs there, ignore leaves the image's
    // directory as it is.
    private static void AddImageVolumes(
        List<ContainerMount> mounts,
        string mode,
        LocalImage? image)
    {
        if (mode is not ("anonymous" or "bind" or "tmpfs" or "ignore"))
        {
            throw new InvalidInputException(
                $"invalid image volume mode \"{mode}\": must be anonymous, bind, tmpfs or ignore");
        }

        if (image?.Config.Volumes is not { } volumes || mode == "ignore")
        {
            return;
        }

        foreach (var destination in volumes.Select(MountParser.Destination))
        {
            if (mounts.Any(m => MountParser.SameDestination(m.Destination, destination)))
            {
                continue;
            }

            mounts.Add(mode == "tmpfs"
                ? new ContainerMount { Type = ContainerMount.TmpfsType, Source = "tmpfs", Destination = destination }
                : new ContainerMount { Type = ContainerMount.VolumeType, Destination = destination, Anonymous = true });
        }
    }

    /// <summary>
    /// Before the spec is written: counts the container as a user of its volumes (mounting
    /// volumes with options), copies the image's content into new volumes, gives them the
    /// image directory's owner, and chowns U mounts to the container's user.
    /// </summary>
    private async Task AttachVolumesAsync(
        ContainerConfig config,
        string rootfs,
        CancellationToken cancellationToken)
    {
        if (config.Mounts.Count == 0)
        {
            return;
        }

        var user = UserResolver.Resolve(rootfs, config.User);
        using var volumesLock = await Volumes.Store.LockAsync(cancellationToken);
        foreach (var mount in config.Mounts)
        {
            if (mount.Type == ContainerMount.VolumeType)
            {
                await AttachVolumeLockedAsync(config.Id, mount, rootfs, cancellationToken);
            }

            if (MountOptions.Chowns(mount) && mount.Type != ContainerMount.TmpfsType)
            {
                var target = mount.Type == ContainerMount.VolumeType ? mount.HostPath! : mount.Source;
                await VolumeCommands.ChownTreeAsync(target, user.Uid, user.Gid, cancellationToken);
            }
        }
    }

    private async Task AttachVolumeLockedAsync(
        string containerId,
        ContainerMount mount,
        string rootfs,
        CancellationToken cancellationToken)
    {
        var record = await Volumes.Store.GetAsync(mount.Source, cancellationToken);
        record = await Volumes.AcquireLockedAsync(record, containerId, cancellationToken);
        if (!record.NeedsCopyUp && !record.NeedsChown)
        {
            return;
        }

        var data = Volumes.Store.MountPointOf(record.Name);
        var imageDirectory = RootfsPaths.ResolveDirectory(rootfs, mount.Destination);
        var copied = false;
        if (record.NeedsCopyUp && MountOptions.CopiesUp(mount) && imageDirectory is not null
            && !Directory.EnumerateFileSystemEntries(data).Any()
            && Directory.EnumerateFileSystemEntries(imageDirectory).Any())
        {
            await VolumeCommands.CopyContentAsync(imageDirectory, data, cancellationToken);
            copied = true;
        }

        if (record.NeedsChown && imageDirectory is not null)
        {
            await VolumeCommands.CopyOwnershipAsync(imageDirectory, data, cancellationToken);
        }

        // Like Podman, a volume mounted over a missing or empty directory still waits for its
        // copy-up (and the chown that goes with it): a later container may bring content.
        if (copied || !record.NeedsCopyUp)
        {
            await Volumes.Store.UpdateAsync(record with { NeedsCopyUp = false, NeedsChown = false }, cancellationToken);
        }
    }

    /// <summary>The container no longer uses its volumes; the last user unmounts a volume with options.</summary>
    private async Task DetachVolumesAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var names = config.Mounts.Where(m => m.Type == ContainerMount.VolumeType).Select(m => m.Source).ToList();
        if (names.Count == 0)
        {
            return;
        }

        using var volumesLock = await Volumes.Store.LockAsync(cancellationToken);
        foreach (var name in names)
        {
            if (await Volumes.Store.FindAsync(name, cancellationToken) is { } record)
            {
                await Volumes.ReleaseLockedAsync(record, config.Id, cancellationToken);
            }
        }
    }

    /// <summary>
    /// <c>--rm</c> takes the container's anonymous volumes with it, as Podman does; one that
    /// another container still names (through --volumes-from) stays.
    /// </summary>
    private async Task RemoveAnonymousVolumesAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var anonymous = config.Mounts.Where(m => m.Anonymous && m.Source.Length > 0).Select(m => m.Source).ToList();
        if (anonymous.Count > 0)
        {
            await RemoveUnusedVolumesAsync(anonymous, cancellationToken);
        }
    }

    private async Task RemoveUnusedVolumesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var users = (await _store.ListAsync(cancellationToken))
            .SelectMany(r => r.Config.Mounts.Where(m => m.Type == ContainerMount.VolumeType).Select(m => m.Source))
            .ToHashSet();
        using var volumesLock = await Volumes.Store.LockAsync(cancellationToken);
        foreach (var name in names.Where(n => !users.Contains(n)))
        {
            if (await Volumes.Store.FindAsync(name, cancellationToken) is { } record)
            {
                await Volumes.DeleteLockedAsync(record, cancellationToken);
            }
        }
    }
}
