using System.Diagnostics;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Checkpoints;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerCheckpoints
{
    private static readonly TimeSpan DumpExitGrace = TimeSpan.FromSeconds(30);

    public async Task<CheckpointTooling> ToolingAsync(string runtime, CancellationToken cancellationToken)
    {
        var provider = _checkpointers
            ?? throw new CapabilityMissingException("no checkpointer plugin is configured");
        var (checkpointer, probe) = await provider.GetAsync(cancellationToken);
        if (!probe.Usable)
        {
            throw new CapabilityMissingException(
                $"checkpoint/restore requires a working CRIU ({checkpointer.Id}): {probe.Problem}");
        }

        var plugin = _runtimes.Get(runtime);
        if (plugin.Checkpoint is not { } verbs || !plugin.Features.SupportsCheckpoint
            || !await RuntimeKnowsVerbAsync(runtime, verbs.CheckpointVerb, cancellationToken))
        {
            // Podman's text; Debian's crun 1.8.1, for one, is built without CRIU support.
            throw new CapabilityMissingException("configured runtime does not support checkpoint/restore");
        }

        return new CheckpointTooling(probe, checkpointer.Layout, verbs);
    }

    public async Task<IReadOnlyList<string>> CheckpointedAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var all = await _store.ListAsync(cancellationToken);
        return all.Where(r => r.State.Checkpoint is { Checkpointed: true } && !IsLive(r))
            .Select(r => r.Config.Id)
            .ToList();
    }

    public async Task<string> CheckpointDirectoryAsync(string nameOrId, CancellationToken cancellationToken) =>
        PathsFor((await FindAsync(nameOrId, cancellationToken)).Config.Id).StaticDirectory;

    public async Task<CheckpointOutcome> CheckpointAsync(
        string nameOrId,
        CheckpointRequest request,
        CancellationToken cancellationToken)
    {
        var id = (await FindAsync(nameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, nameOrId, cancellationToken);
        var tooling = await ToolingAsync(record.Config.Runtime, cancellationToken);
        RefuseCheckpoint(record, request, tooling);

        var paths = PathsFor(id);
        var duration = await DumpAsync(record, request, tooling, cancellationToken);
        await WriteCheckpointFilesAsync(record, tooling, cancellationToken);
        await SaveShmContentAsync(record.Config, cancellationToken);
        var stays = request.LeaveRunning || request.PreCheckpoint;
        if (!stays)
        {
            record = await FinishDumpedRunAsync(record, cancellationToken);
        }

        // As Podman: the log is named only when --keep keeps it; a dumped run exited 0.
        var checkpoint = new CheckpointState(
            Checkpointed: !stays,
            CheckpointPath: Path.Combine(paths.StaticDirectory, tooling.Layout.ImagesDirectory),
            CheckpointLog: request.Keep ? Path.Combine(paths.StaticDirectory, tooling.Layout.DumpLog) : "",
            CheckpointedAt: DateTimeOffset.UtcNow);
        // Marked as a user's stop before the lock goes: conmon's exit command, waiting for
        // it, must not bring a checkpointed container back by its restart policy.
        var state = record.State with
        {
            Checkpoint = checkpoint,
            ExitCode = stays ? record.State.ExitCode : 0,
            StoppedByUser = !stays || record.State.StoppedByUser,
        };
        await _store.UpdateStateAsync(id, state, cancellationToken);
        await EmitAsync(record.Config, "checkpoint", cancellationToken);
        var statistics = CriuStatistics.Read(Path.Combine(paths.StaticDirectory, tooling.Layout.StatsDump));
        return new CheckpointOutcome(ToInfo(record with { State = state }), duration, paths.StaticDirectory, statistics);
    }

    private static void RefuseCheckpoint(ContainerRecord record, CheckpointRequest request, CheckpointTooling tooling)
    {
        if (record.State.Status != ContainerStatus.Running)
        {
            throw new WrongStateException(
                $"\"{DisplayStatus(record.State.Status)}\" is not running, cannot checkpoint: container state improper");
        }

        if (record.Config.AutoRemove && !request.Exporting)
        {
            throw new InvalidInputException(
                "cannot checkpoint containers that have been started with '--rm' unless '--export' is used");
        }

        CheckpointCapabilityCheck.Require(tooling.Probe.Capabilities, request.PreCheckpoint || request.WithPrevious, request.TcpEstablished);
    }

    /// <summary>`runtime checkpoint`, which runs criu; the images go to the static directory.</summary>
    private async Task<TimeSpan> DumpAsync(
        ContainerRecord record,
        CheckpointRequest request,
        CheckpointTooling tooling,
        CancellationToken cancellationToken)
    {
        var paths = PathsFor(record.Config.Id);
        var layout = tooling.Layout;
        var images = Path.Combine(
            paths.StaticDirectory,
            request.PreCheckpoint ? layout.PreDumpDirectory : layout.ImagesDirectory);
        DeleteDirectory(images);
        Directory.CreateDirectory(images);
        var verb = new List<string>
        {
            tooling.Verbs.CheckpointVerb, "--image-path", images, "--work-path", paths.StaticDirectory,
        };
        verb.AddRange(CheckpointVerbOptions(request, layout));
        verb.Add(record.Config.Id);

        var watch = Stopwatch.StartNew();
        var result = await RunCheckpointerVerbAsync(record.Config, tooling, verb, cancellationToken);
        watch.Stop();
        if (result.ExitCode != 0)
        {
            var log = Path.Combine(paths.StaticDirectory, layout.DumpLog);
            throw new BackendException(
                $"{record.Config.Runtime}: checkpoint failed: {RuntimeMessage.Clean(result.StandardError.Trim())}"
                + $" (see {log})");
        }

        return watch.Elapsed;
    }

    private static IEnumerable<string> CheckpointVerbOptions(
        CheckpointRequest request,
        Contracts.Checkpoint.CheckpointLayout layout)
    {
        if (request.LeaveRunning)
        {
            yield return "--leave-running";
        }

        if (request.TcpEstablished)
        {
            yield return "--tcp-established";
        }

        if (request.PreCheckpoint)
        {
            yield return "--pre-dump";
        }

        if (request.FileLocks)
        {
            yield return "--file-locks";
        }

        if (request.WithPrevious)
        {
            // Relative to the images directory, as runc and criu read --parent-path.
            yield return "--parent-path";
            yield return Path.Combine("..", layout.PreDumpDirectory);
        }
    }

    /// <summary>config.dump, spec.dump and network.status beside the images, as Podman writes them.</summary>
    private async Task WriteCheckpointFilesAsync(
        ContainerRecord record,
        CheckpointTooling tooling,
        CancellationToken cancellationToken)
    {
        var paths = PathsFor(record.Config.Id);
        var layout = tooling.Layout;
        var options = StoreJsonContext.WebOptions();
        await File.WriteAllTextAsync(
            Path.Combine(paths.StaticDirectory, layout.ConfigDump),
            JsonSerializer.Serialize(record.Config, options),
            cancellationToken);
        File.Copy(paths.ConfigJson, Path.Combine(paths.StaticDirectory, layout.SpecDump), overwrite: true);
        await File.WriteAllTextAsync(
            Path.Combine(paths.StaticDirectory, layout.NetworkStatus),
            JsonSerializer.Serialize(record.State.Networks ?? new Dictionary<string, Contracts.Network.NetworkStatus>(), options),
            cancellationToken);
    }

    // criu killed the processes after the dump; conmon notices, writes the exit file and its
    // exit command waits for our lock. The run is finished here, so that command finds it done.
    private async Task<ContainerRecord> FinishDumpedRunAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        if (await WaitForExitFileAsync(record, DumpExitGrace, cancellationToken) is null)
        {
            throw new BackendException($"container {record.Config.Name} still runs after its checkpoint");
        }

        return await ReleaseLockedAsync(record, cancellationToken);
    }

    private async Task<BufferedCommandResult> RunCheckpointerVerbAsync(
        ContainerConfig config,
        CheckpointTooling tooling,
        IReadOnlyList<string> verb,
        CancellationToken cancellationToken)
    {
        var command = RuntimeFor(config).Command;
        var arguments = command.GlobalArguments.Concat(tooling.GlobalArguments).Concat(verb);
        return await Cli.Wrap(command.Executable)
            .WithArguments(arguments)
            .WithEnvironmentVariables(e => e.Set("PATH", tooling.SearchPath(Environment.GetEnvironmentVariable("PATH"))))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }

    // As Podman (crutils.CRRuntimeSupportsCheckpointRestore): a runtime without the verb
    // fails `RUNTIME checkpoint --help`.
    private async Task<bool> RuntimeKnowsVerbAsync(
        string runtime,
        string verb,
        CancellationToken cancellationToken)
    {
        var command = _runtimes.Get(runtime).Resolve(ContextFor(runtime));
        var result = await Cli.Wrap(command.Path)
            .WithArguments([verb, "--help"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        return result.ExitCode == 0;
    }
}
