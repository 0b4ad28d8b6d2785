using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers.Checkpoints;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>container checkpoint</c>: dumps running containers with CRIU, optionally to a tar.</summary>
public static class CheckpointCommand
{
    private sealed record Flags(
        bool All,
        bool Latest,
        string? Export,
        string Compress,
        bool Keep,
        bool LeaveRunning,
        bool TcpEstablished,
        bool IgnoreRootfs,
        bool IgnoreVolumes,
        bool PreCheckpoint,
        bool WithPrevious,
        bool PrintStats,
        bool FileLocks = false,
        string? CreateImage = null);

    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Checkpoint all running containers", "-a");
        var latest = ContainerTargets.LatestOption();
        var export = Value("--export", "Export the checkpoint image to a tar.gz", "-e");
        var compress = Value("--compress", "Select compression algorithm (gzip, none, zstd) for checkpoint archive.", "-c");
        var keep = Switch("--keep", "Keep all temporary checkpoint files", "-k");
        var leave = Switch("--leave-running", "Leave the container running after writing checkpoint to disk", "-R");
        var tcp = Switch("--tcp-established", "Checkpoint a container with established TCP connections");
        var ignoreRootfs = Switch("--ignore-rootfs", "Do not include root file-system changes when exporting");
        var ignoreVolumes = Switch("--ignore-volumes", "Do not export volumes associated with container");
        var pre = Switch("--pre-checkpoint", "Dump container's memory information only, leave the container running", "-P");
        var previous = Switch("--with-previous", "Checkpoint container with pre-checkpoint images");
        var stats = Switch("--print-stats", "Display checkpoint statistics");
        var fileLocks = Switch("--file-locks", "Checkpoint a container with file locks");
        var createImage = Value("--create-image", "Create checkpoint image with specified name");
        var names = Names("CONTAINER");
        return new Command("checkpoint", "Checkpoint one or more containers")
            .With(all, latest, export, compress, keep, leave, tcp, ignoreRootfs, ignoreVolumes, pre, previous, stats)
            .With(fileLocks, createImage, names)
            .WithAction(context, "container checkpoint", async (r, cancellationToken) =>
            {
                var flags = new Flags(
                    r.GetValue(all), r.GetValue(latest), r.GetValue(export),
                    r.GetValue(compress) ?? ArchiveCompression.Default, r.GetValue(keep), r.GetValue(leave),
                    r.GetValue(tcp), r.GetValue(ignoreRootfs), r.GetValue(ignoreVolumes), r.GetValue(pre),
                    r.GetValue(previous), r.GetValue(stats), r.GetValue(fileLocks), r.GetValue(createImage));
                var given = r.GetValue(names)!;
                Check(flags, given);
                var targets = await ContainerTargets.ResolveAsync(
                    context, given, [], c => c.State == "running", cancellationToken, flags.Latest);
                return await RunAsync(context, flags, targets, cancellationToken);
            });
    }

    // Podman's checks and texts (cmd/podman/containers/checkpoint.go), before anything runs.
    private static void Check(Flags flags, string[] names)
    {
        ContainerTargets.Check(names, flags.All, null, flags.Latest);
        var archiving = flags.Export is not null || flags.CreateImage is not null;
        if (!archiving && flags.IgnoreRootfs)
        {
            throw new UsageException("--ignore-rootfs can only be used with --export");
        }

        if (!archiving && flags.IgnoreVolumes)
        {
            throw new UsageException("--ignore-volumes can only be used with --export");
        }

        if (flags.WithPrevious && flags.PreCheckpoint)
        {
            throw new UsageException("--with-previous can not be used with --pre-checkpoint");
        }

        if (flags.Export is not null && flags.PreCheckpoint)
        {
            throw new UsageException("--export can not be used with --pre-checkpoint");
        }

        ArchiveCompression.Validate(flags.Compress);
        if (flags.Export is { } export)
        {
            CheckpointExportTarget.Check(export);
        }
    }

    private static async Task<int> RunAsync(
        CliContext context,
        Flags flags,
        IReadOnlyList<ContainerTargets.Target> targets,
        CancellationToken cancellationToken)
    {
        var runner = context.Services.GetRequiredService<ICheckpointRunner>();
        var run = new CheckpointRun(
            new CheckpointRequest(
                flags.LeaveRunning,
                flags.TcpEstablished,
                flags.PreCheckpoint,
                flags.WithPrevious,
                flags.Export is not null,
                flags.Keep,
                flags.FileLocks),
            flags.Export is { } file ? Path.GetFullPath(file) : null,
            flags.Compress,
            flags.IgnoreRootfs,
            flags.IgnoreVolumes,
            flags.CreateImage);
        var watch = Stopwatch.StartNew();
        var outcomes = new List<(string, CheckpointOutcome)>();
        var code = await ContainerTargets.EachAsync(context, "container checkpoint", targets, async target =>
        {
            var outcome = await runner.CheckpointAsync(target.Id, run, cancellationToken);
            outcomes.Add((target.Shown, outcome));
            return !flags.PrintStats;
        });
        if (flags.PrintStats)
        {
            CheckpointStats.Write(context.Out, "podman_checkpoint_duration", "runtime_checkpoint_duration", watch.Elapsed, outcomes);
        }

        return code;
    }
}
