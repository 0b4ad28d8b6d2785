using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<ContainerInfo> RemoveAsync(
        string nameOrId,
        bool force,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        await RefuseInfraRemovalAsync(record.Config, cancellationToken);
        await RefuseDependedOnAsync(record.Config, cancellationToken);
        if (IsLive(record))
        {
            // As Podman: only running and paused containers need force; an initialized one
            // (runtime-created, never started) is torn down like a stopped one.
            if (!force && record.State.Status != ContainerStatus.Created)
            {
                throw new WrongStateException(
                    $"cannot remove container {id} as it is {DisplayStatus(record.State.Status)} - "
                    + "running or paused containers cannot be removed without force: container state improper");
            }

            // As Podman: a paused container gets SIGKILL at once; its frozen processes could
            // not act on the stop signal, so a grace period would only be waited out.
            var grace = record.State.Status == ContainerStatus.Paused ? 0 : timeoutSeconds;
            await StopLockedAsync(record, grace, cancellationToken);
            record = await CleanupLockedAsync(record, "stop", cancellationToken) ?? record;
        }

        await RemoveLockedAsync(record.Config, cancellationToken);
        return ToInfo(record);
    }

    /// <summary>conmon's exit command: records the exit, then applies the restart policy.</summary>
    public async Task CleanupAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var cleaned = await CleanupLockedAsync(record, null, cancellationToken);

        // Null: removed as --rm asked, so there is nothing left to restart.
        if (cleaned is not null)
        {
            await RestartByPolicyLockedAsync(cleaned, cancellationToken);
        }

        await StopIdlePodAsync(record.Config, cancellationToken);
    }

    private async Task CleanupAsync(
        string nameOrId,
        bool waitForConmon,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken, waitForConmon);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        await CleanupLockedAsync(record, null, cancellationToken);
    }

    /// <summary>
    /// Cleanup from this process after an attached run or wait; the exit command may have
    /// won. Like Podman's <c>run --rm</c>, this returns once the container is recorded and,
    /// for --rm, removed: it does not wait for conmon, which still has to run its exit
    /// command (that finds nothing left) before it ends on its own.
    /// </summary>
    private async Task CleanupQuietlyAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await CleanupAsync(id, waitForConmon: false, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Removed already by conmon's exit command (--rm): nothing left to clean.
        }
    }

    /// <summary>
    /// Records the exit of a container whose conmon reported it (or died), releases its mount
    /// and runtime state, and removes it when it was created with --rm. Idempotent; does
    /// nothing while the container still runs. Returns null when the container was removed.
    /// </summary>
    private async Task<ContainerRecord?> CleanupLockedAsync(
        ContainerRecord record,
        string? reason,
        CancellationToken cancellationToken)
    {
        var config = record.Config;
        if (IsLive(record) && !IsGone(record))
        {
            return record;
        }

        if (IsLive(record) || record.State.MountPoint is not null || HasNetworkLeftover(record))
        {
            record = await ReleaseLockedAsync(record, cancellationToken);
            if (reason is not null)
            {
                await EmitAsync(config, reason, cancellationToken);
            }
        }

        if (config.AutoRemove)
        {
            await RemoveLockedAsync(config, cancellationToken);
            return null;
        }

        return record;
    }

    private async Task<ContainerRecord> ReleaseLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var config = record.Config;
        var paths = PathsFor(config.Id);
        var wasLive = IsLive(record);
        var exitCode = ReadExitFile(paths) ?? (wasLive ? -1 : record.State.ExitCode);
        var finished = File.Exists(paths.ExitFile) ? File.GetLastWriteTimeUtc(paths.ExitFile) : DateTime.UtcNow;

        // Read before the runtime's delete removes the cgroup that counted the kill.
        var oomKilled = wasLive && Resources.OomEvidence.Found(paths.OomFile, config.CgroupsPath);
        await DeleteRuntimeStateAsync(RuntimeFor(config), config.Id, cancellationToken);
        await ReleaseStorageAsync(config, cancellationToken);
        RemoveCgroupLeftovers(config);
        var released = await TearDownNetworkAsync(config, record.State, cancellationToken);
        var state = StopHealthTimer(released) with
        {
            Status = wasLive ? ContainerStatus.Exited : record.State.Status,
            ExitCode = exitCode,
            FinishedAt = wasLive ? new DateTimeOffset(finished, TimeSpan.Zero) : record.State.FinishedAt,
            OomKilled = wasLive ? oomKilled : record.State.OomKilled,
            Pid = 0,
            MountPoint = null,
        };
        await _store.UpdateStateAsync(config.Id, state, cancellationToken);
        if (wasLive)
        {
            await EmitAsync(config, "died", cancellationToken, exitCode);
            await EmitAsync(config, "cleanup", cancellationToken);
        }

        return record with { State = state };
    }

    /// <summary>Removes every trace of the container: runtime state, layer, files, cgroup, row, lock.</summary>
    private async Task RemoveLockedAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        var paths = PathsFor(config.Id);
        var record = await _store.FindAsync(config.Id, cancellationToken);
        if (record is not null)
        {
            StopHealthTimer(record.State);
            await ReleaseUserMountsAsync(record, record.State.UserMounts, cancellationToken);
        }

        await DeleteRuntimeStateAsync(RuntimeFor(config), config.Id, cancellationToken);

        // A create killed before it recorded conmon's pid still left conmon's pid file behind.
        var conmonPid = record?.State.ConmonPid is > 0 and var recorded ? recorded : ReadPidFile(paths.ConmonPidFile);
        _conmonExits.Add(conmonPid);
        await ReleaseStorageAsync(config, cancellationToken);
        if (record is not null)
        {
            await TearDownNetworkAsync(config, record.State, cancellationToken);
        }

        if (config.LayerId is not null && _layers is not null)
        {
            await _layers.RemoveContainerLayerAsync(config.LayerId, cancellationToken);
        }

        RemoveCgroupLeftovers(config);
        DeleteDirectory(paths.RunDirectory);
        DeleteDirectory(paths.StaticDirectory);
        DeleteFile(HealthStoreFor(config).FilePath); // --health-log-destination DIR keeps it there.
        // A --rm container's exit code outlives it a while (its attached run polls for it).
        // Other removals leave nothing that names the container on the host; their code is
        // kept a while in the database, as Podman keeps it, for a wait by full ID.
        if (config.AutoRemove)
        {
            KeepExitCode(paths);
        }
        else
        {
            await KeepExitCodeInStoreAsync(record, paths, cancellationToken);
            DeleteFile(paths.ExitFile);
        }

        await _store.DeleteAsync(config.Id, cancellationToken);

        // Deleted while held: a process that waited on it finds the row gone and reports so.
        DeleteFile(_locks.Container(config.Id));
        await EmitAsync(config, "remove", cancellationToken);
        if (config.AutoRemove)
        {
            await RemoveAnonymousVolumesAsync(config, cancellationToken);
        }

        await RemoveLeftoversAsync(config, cancellationToken);
        await StopIdlePodAsync(config, cancellationToken);
    }

    private async Task ReleaseStorageAsync(
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        if (config.LayerId is not null && _layers is not null)
        {
            await _layers.UnmountAsync(config.LayerId, cancellationToken);
        }

        await DetachVolumesAsync(config, cancellationToken);
        ReleaseShm(config);
        if (config.RootfsOverlay)
        {
            RootfsOverlay.Unmount(PathsFor(config.Id));
        }
    }

    // runc and crun remove the cgroup they made when the container is deleted; a killed
    // runtime may leave it behind, and an empty cgroup directory is removed with rmdir.
    private static void RemoveCgroupLeftovers(ContainerConfig config)
    {
        const string cgroupRoot = "/sys/fs/cgroup";
        if (!config.CgroupsPath.StartsWith('/') || !Directory.Exists(cgroupRoot))
        {
            return;
        }

        var relative = config.CgroupsPath.TrimStart('/');
        var hierarchies = Directory.GetDirectories(cgroupRoot).Prepend(cgroupRoot);
        foreach (var candidate in hierarchies.Select(hierarchy => Path.Combine(hierarchy, relative)))
        {
            try
            {
                if (Directory.Exists(candidate))
                {
                    Directory.Delete(candidate);
                }
            }
            catch (IOException)
            {
                // Still populated or already gone: nothing more can be done from here.
            }
        }
    }

    // File.Delete throws when the directory is missing; a missing file is what we want anyway.
    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Reads the row again under the lock, reconciling a container whose conmon is gone.</summary>
    /// <summary>
    /// For a holder of the lock that finds the container removed while it waited: opening
    /// the lock file to wait made it again after the remover deleted it, so it goes again.
    /// </summary>
    private void ForgetLockFile(string id) => DeleteFile(_locks.Container(id));

    private async Task<ContainerRecord> ReloadLockedAsync(
        string id,
        string nameOrId,
        CancellationToken cancellationToken)
    {
        var record = await _store.FindAsync(id, cancellationToken);
        if (record is null)
        {
            ForgetLockFile(id);
            throw NoSuchContainer(nameOrId);
        }

        if (IsGone(record))
        {
            record = await CleanupLockedAsync(record, null, cancellationToken) ?? throw NoSuchContainer(nameOrId);
        }

        return record;
    }
}
