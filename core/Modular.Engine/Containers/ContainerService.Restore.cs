using System.Diagnostics;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Checkpoints;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    private const string CriuInventory = "inventory.img";

    public async Task<CheckpointOutcome> RestoreAsync(
        string nameOrId,
        RestoreRequest request,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        // A pod member's infra (and any container whose namespaces it joins) must run first.
        await StartDependenciesAsync(id, cancellationToken);
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var tooling = await ToolingAsync(record.Config.Runtime, cancellationToken);
        CheckpointCapabilityCheck.Require(tooling.Probe.Capabilities, false, request.TcpEstablished);
        var paths = PathsFor(id);
        var images = Path.Combine(paths.StaticDirectory, tooling.Layout.ImagesDirectory);
        RefuseRestore(record, images);

        string[] options =
        [
            .. request.TcpEstablished ? ["--tcp-established"] : Array.Empty<string>(),
            .. request.FileLocks ? ["--file-locks"] : Array.Empty<string>(),
        ];
        var watch = Stopwatch.StartNew();
        record = await InitLockedAsync(ByUser(record), cancellationToken, new CheckpointRestorePlan(images, options, tooling));
        watch.Stop();

        // conmon ran `runtime restore --detach`: the processes run again, no `start` follows.
        var now = DateTimeOffset.UtcNow;
        // As Podman: a restore clears the checkpoint's time; paths stay named only with --keep.
        var kept = record.State.Checkpoint!;
        var checkpoint = new CheckpointState(
            Checkpointed: false,
            CheckpointPath: request.Keep ? kept.CheckpointPath : "",
            CheckpointLog: request.Keep ? kept.CheckpointLog : "",
            CheckpointedAt: null,
            Restored: true,
            RestoreLog: request.Keep ? Path.Combine(paths.Bundle, tooling.Layout.RestoreLog) : "",
            RestoredAt: now);
        var state = record.State with
        {
            Status = ContainerStatus.Running,
            StartedAt = now,
            FinishedAt = null,
            ExitCode = null,
            OomKilled = false,
            Checkpoint = checkpoint,
        };
        await _store.UpdateStateAsync(id, state, cancellationToken);
        await EmitAsync(record.Config, "restore", cancellationToken);
        record = await StartHealthLockedAsync(record with { State = state }, cancellationToken);
        if (!request.Keep)
        {
            RemoveCheckpointFiles(paths.StaticDirectory, tooling.Layout);
        }

        var statistics = CriuStatistics.Read(Path.Combine(paths.Bundle, tooling.Layout.StatsRestore));
        return new CheckpointOutcome(ToInfo(record), watch.Elapsed, paths.StaticDirectory, statistics);
    }

    private static void RefuseRestore(ContainerRecord record, string images)
    {
        if (IsLive(record))
        {
            throw new WrongStateException(
                $"container {record.Config.Id} is running or paused, cannot restore: container state improper");
        }

        // Podman's text: the images directory must hold criu's inventory.
        var inventory = Path.Combine(images, CriuInventory);
        if (record.State.Checkpoint is not { Checkpointed: true } || !File.Exists(inventory))
        {
            throw new WrongStateException(
                "a complete checkpoint for this container cannot be found, cannot restore: "
                + $"stat {inventory}: no such file or directory");
        }
    }

    /// <summary>As Podman after a restore without --keep: the images and criu's files go.</summary>
    private static void RemoveCheckpointFiles(string directory, Contracts.Checkpoint.CheckpointLayout layout)
    {
        DeleteDirectory(Path.Combine(directory, layout.ImagesDirectory));
        DeleteDirectory(Path.Combine(directory, layout.PreDumpDirectory));
        DeleteDirectory(Path.Combine(directory, CheckpointArchiveNames.VolumesDirectory));
        var files = new[]
        {
            layout.DumpLog, layout.StatsDump, layout.ConfigDump, layout.SpecDump, layout.NetworkStatus,
            CheckpointArchiveNames.DevShmArchive,
        };
        foreach (var name in files)
        {
            DeleteFile(Path.Combine(directory, name));
        }
    }
}
