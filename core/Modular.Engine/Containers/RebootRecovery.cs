using Modular.Engine.Locking;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// Detects a reboot (a different boot id than recorded, or a runroot without our marker,
/// since runroot lives on tmpfs) and marks containers that were running as exited: their
/// processes, mounts and runtime state died with the old boot, so they are forgotten, and
/// <c>ps -a</c> shows them exited while <c>start</c> can run them again.
/// </summary>
internal sealed class RebootRecovery(ContainerStore store, LockPaths locks, string runRoot)
{
    private const string BootIdKey = "boot_id";
    private const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    private string MarkerPath => Path.Combine(runRoot, "modular-alive");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var bootId = (await File.ReadAllTextAsync(BootIdPath, cancellationToken)).Trim();
        if (File.Exists(MarkerPath) && await store.GetMetaAsync(BootIdKey, cancellationToken) == bootId)
        {
            return;
        }

        using var storeLock = await FileLock.AcquireAsync(locks.Store, cancellationToken);

        // Another process may have recovered while this one waited for the lock.
        if (File.Exists(MarkerPath) && await store.GetMetaAsync(BootIdKey, cancellationToken) == bootId)
        {
            return;
        }

        await ForgetLiveStateAsync(cancellationToken);
        await store.SetMetaAsync(BootIdKey, bootId, cancellationToken);
        Directory.CreateDirectory(runRoot);
        await File.WriteAllTextAsync(MarkerPath, bootId, cancellationToken);
    }

    private async Task ForgetLiveStateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in await store.ListAsync(cancellationToken))
        {
            var state = record.State;
            var wasLive = state.Status is ContainerStatus.Running or ContainerStatus.Created
                or ContainerStatus.Paused or ContainerStatus.Stopped or ContainerStatus.Stopping;
            if (!wasLive && state.MountPoint is null && state.UserMounts == 0)
            {
                continue;
            }

            await store.UpdateStateAsync(
                record.Config.Id,
                state with
                {
                    Status = wasLive ? ContainerStatus.Exited : state.Status,
                    Pid = 0,
                    ConmonPid = 0,
                    ConmonStartTicks = 0,
                    MountPoint = null,
                    UserMounts = 0,
                    UserMountPoint = null,
                    FinishedAt = wasLive ? state.FinishedAt ?? DateTimeOffset.UtcNow : state.FinishedAt,
                },
                cancellationToken);
        }
    }
}
