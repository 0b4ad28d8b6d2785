using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Checkpoints;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>container restore</c>: brings checkpointed containers back, or new ones from an archive.</summary>
public static class RestoreCommand
{
    private sealed record Flags(
        bool All,
        bool Latest,
        string? Import,
        string? Name,
        bool Keep,
        bool TcpEstablished,
        bool IgnoreRootfs,
        bool IgnoreVolumes,
        bool IgnoreStaticIp,
        bool IgnoreStaticMac,
        string[] Publish,
        bool PrintStats,
        bool FileLocks = false,
        string? Pod = null,
        string? ImportPrevious = null);

    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Restore all checkpointed containers", "-a");
        var latest = ContainerTargets.LatestOption();
        var import = Value("--import", "Restore from exported checkpoint archive (tar.gz)", "-i");
        var name = Value("--name", "Specify new name for container restored from exported checkpoint (only works with image or --import)", "-n");
        var keep = Switch("--keep", "Keep all temporary checkpoint files", "-k");
        var tcp = Switch("--tcp-established", "Restore a container with established TCP connections");
        var ignoreRootfs = Switch("--ignore-rootfs", "Do not apply root file-system changes when importing from exported checkpoint");
        var ignoreVolumes = Switch("--ignore-volumes", "Do not export volumes associated with container");
        var ignoreIp = Switch("--ignore-static-ip", "Ignore IP address set via --static-ip");
        var ignoreMac = Switch("--ignore-static-mac", "Ignore MAC address set via --mac-address");
        var publish = Values("--publish", "Publish a container's port, or a range of ports, to the host (default [])", "-p");
        var stats = Switch("--print-stats", "Display restore statistics");
        var fileLocks = Switch("--file-locks", "Restore a container with file locks");
        var pod = Value("--pod", "Restore container into existing Pod (only works with image or --import)");
        var previous = Value("--import-previous", "Restore from exported pre-checkpoint archive (tar.gz)");
        var names = Names("CONTAINER");
        return new Command("restore", "Restore one or more containers from a checkpoint")
            .With(all, latest, import, name, keep, tcp, ignoreRootfs, ignoreVolumes, ignoreIp, ignoreMac, publish, stats)
            .With(fileLocks, pod, previous, names)
            .WithAction(context, "container restore", async (r, cancellationToken) =>
            {
                var flags = new Flags(
                    r.GetValue(all), r.GetValue(latest), r.GetValue(import), r.GetValue(name), r.GetValue(keep),
                    r.GetValue(tcp), r.GetValue(ignoreRootfs), r.GetValue(ignoreVolumes), r.GetValue(ignoreIp),
                    r.GetValue(ignoreMac), r.GetValue(publish)!, r.GetValue(stats), r.GetValue(fileLocks),
                    r.GetValue(pod), r.GetValue(previous));
                var given = r.GetValue(names)!;
                var images = flags.Import is null && !flags.All && !flags.Latest
                    && await CheckpointImageTargets.AllAsync(context, given, cancellationToken);
                Check(flags, given, images);
                if (images)
                {
                    return await FromImagesAsync(context, flags, given, cancellationToken);
                }

                return flags.Import is { } archive
                    ? await ImportAsync(context, flags, archive, cancellationToken)
                    : await RestoreAsync(context, flags, given, cancellationToken);
            });
    }

    // Podman's checks and texts (cmd/podman/containers/restore.go), before anything runs.
    private static void Check(Flags flags, string[] names, bool images)
    {
        if (images)
        {
            return;
        }

        if (flags.Import is null)
        {
            ContainerTargets.Check(names, flags.All, null, flags.Latest);
            RequireImport(flags.IgnoreRootfs, "--ignore-rootfs");
            RequireImport(flags.IgnoreVolumes, "--ignore-volumes");
            RequireImport(flags.Name is not null, "--name");
            RequireImport(flags.Publish.Length > 0, "--publish");
            RequireImport(flags.Pod is not null, "--pod");
            RequireImport(flags.ImportPrevious is not null, "--import-previous");
            return;
        }

        if (flags.All || flags.Latest)
        {
            throw new UsageException("--import can not be used with --all or --latest");
        }

        if (names.Length > 0)
        {
            throw new UsageException("--import does not take container arguments");
        }
    }

    private static void RequireImport(bool given, string flag)
    {
        if (given)
        {
            throw new UsageException($"{flag} can only be used with --import");
        }
    }

    private static async Task<int> RestoreAsync(
        CliContext context,
        Flags flags,
        string[] given,
        CancellationToken cancellationToken)
    {
        var checkpoints = context.Services.GetRequiredService<IContainerCheckpoints>();
        var checkpointed = await checkpoints.CheckpointedAsync(cancellationToken);
        var targets = await ContainerTargets.ResolveAsync(
            context, given, [], c => checkpointed.Contains(c.Id), cancellationToken, flags.Latest);
        var request = new RestoreRequest(flags.Keep, flags.TcpEstablished, flags.FileLocks);
        var watch = Stopwatch.StartNew();
        var outcomes = new List<(string, CheckpointOutcome)>();
        var code = await ContainerTargets.EachAsync(context, "container restore", targets, async target =>
        {
            outcomes.Add((target.Shown, await checkpoints.RestoreAsync(target.Id, request, cancellationToken)));
            return !flags.PrintStats;
        });
        WriteStats(context, flags, watch.Elapsed, outcomes);
        return code;
    }

    private static async Task<int> ImportAsync(
        CliContext context,
        Flags flags,
        string archive,
        CancellationToken cancellationToken)
    {
        var runner = context.Services.GetRequiredService<ICheckpointRunner>();
        var watch = Stopwatch.StartNew();
        var outcome = await runner.RestoreArchiveAsync(
            archive,
            Overrides(flags),
            new RestoreRequest(flags.Keep, flags.TcpEstablished, flags.FileLocks),
            cancellationToken);
        if (!flags.PrintStats)
        {
            context.Out.WriteLine(outcome.Container.Id);
        }

        WriteStats(context, flags, watch.Elapsed, [(archive, outcome)]);
        return ExitCodes.Success;
    }

    private static ImportOverrides Overrides(Flags flags) => new(
        flags.Name,
        flags.IgnoreRootfs,
        flags.IgnoreStaticIp,
        flags.IgnoreStaticMac,
        flags.Publish.Length > 0 ? PublishParser.Parse(flags.Publish) : null,
        flags.IgnoreVolumes,
        flags.Pod,
        flags.ImportPrevious is { } previous ? Path.GetFullPath(previous) : null);

    // restore IMAGE: each checkpoint image becomes a new container, restored at once.
    private static async Task<int> FromImagesAsync(
        CliContext context,
        Flags flags,
        string[] images,
        CancellationToken cancellationToken)
    {
        var checkpoints = context.Services.GetRequiredService<IContainerCheckpoints>();
        var reader = context.Services.GetRequiredService<CheckpointImageReader>();
        var watch = Stopwatch.StartNew();
        var outcomes = new List<(string, CheckpointOutcome)>();
        foreach (var image in images)
        {
            var created = await reader.ImportAsync(image, Overrides(flags), cancellationToken);
            var outcome = await RestoreImportedAsync(context, checkpoints, created, flags, cancellationToken);
            outcomes.Add((image, outcome));
            if (!flags.PrintStats)
            {
                context.Out.WriteLine(outcome.Container.Id);
            }
        }

        WriteStats(context, flags, watch.Elapsed, outcomes);
        return ExitCodes.Success;
    }

    // A failed restore leaves the store as it was: the container made for it goes again.
    private static async Task<CheckpointOutcome> RestoreImportedAsync(
        CliContext context,
        IContainerCheckpoints checkpoints,
        ContainerInfo created,
        Flags flags,
        CancellationToken cancellationToken)
    {
        try
        {
            return await checkpoints.RestoreAsync(
                created.Id, new RestoreRequest(flags.Keep, flags.TcpEstablished, flags.FileLocks), cancellationToken);
        }
        catch
        {
            await context.Containers.RemoveAsync(created.Id, true, 0, CancellationToken.None);
            throw;
        }
    }

    private static void WriteStats(
        CliContext context,
        Flags flags,
        TimeSpan total,
        IReadOnlyList<(string RawInput, CheckpointOutcome Outcome)> outcomes)
    {
        if (flags.PrintStats)
        {
            CheckpointStats.Write(context.Out, "podman_restore_duration", "runtime_restore_duration", total, outcomes);
        }
    }
}
