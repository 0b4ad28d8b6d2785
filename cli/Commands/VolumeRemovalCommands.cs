using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Files;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>volume rm</c>, <c>prune</c>, <c>export</c> and <c>import</c>.</summary>
public static class VolumeRemovalCommands
{
    public static Command Remove(CliContext context)
    {
        var all = Switch("--all", "Remove every volume", "-a");
        var force = Switch("--force", "Remove the containers using the volume first", "-f");
        var time = Number("--time", "Seconds to let a running container stop before killing", "-t");
        var names = Names("VOLUME");
        return new Command("rm", "Remove volumes").With(all, force, time, names).Aliased("remove")
            .WithAction(context, "volume rm", async (r, cancellationToken) =>
            {
                var service = VolumeCommands.Volumes(context);
                var targets = r.GetValue(names)!;
                RequireNamesOrAll("volume", targets, r.GetValue(all));
                IEnumerable<string> chosen = r.GetValue(all)
                    ? (await service.ListAsync([], cancellationToken)).Select(v => v.Name).ToList()
                    : targets;
                Exception? last = null;
                foreach (var name in chosen)
                {
                    try
                    {
                        await service.RemoveAsync(name, r.GetValue(force), r.GetValue(time), cancellationToken);
                        context.Out.WriteLine(name);
                    }
                    catch (NotFoundException) when (r.GetValue(force))
                    {
                        // Like Podman, --force makes a missing volume no error.
                    }
                    catch (ModularException e)
                    {
                        // Like Podman: report each failure and go on; the last decides the exit code.
                        if (last is not null)
                        {
                            ErrorMapper.Report("volume rm", last, context.Error, context.Debug);
                        }

                        last = e;
                    }
                }

                return last is null ? ExitCodes.Success : ErrorMapper.Report("volume rm", last, context.Error, context.Debug);
            });
    }

    public static Command Prune(CliContext context)
    {
        var force = Switch("--force", "Do not prompt for confirmation", "-f");
        var all = Switch("--all", "Remove all unused volumes, both anonymous and named", "-a");
        var filters = Values("--filter", "Provide filter values (e.g. 'label=<key>=<value>')");
        return new Command("prune", "Remove unused volumes").With(force, all, filters)
            .WithAction(context, "volume prune", async (r, cancellationToken) =>
            {
                var given = r.GetValue(filters)!;
                var pruneAll = r.GetValue(all) || VolumePruneFilters.AllRequested(given);
                if (!r.GetValue(force) && !await ConfirmAsync(context, given, pruneAll, cancellationToken))
                {
                    return ExitCodes.Success;
                }

                string[] chosen = pruneAll ? [.. given, "all=true"] : given;
                var removed = await VolumeCommands.Volumes(context).PruneAsync(chosen, cancellationToken);
                foreach (var name in removed)
                {
                    context.Out.WriteLine(name);
                }

                return ExitCodes.Success;
            });
    }

    public static Command Export(CliContext context)
    {
        var output = Value("--output", "Write to this file instead of stdout", "-o");
        var name = One("VOLUME");
        return new Command("export", "Write a volume's content as a tar archive").With(output, name)
            .WithAction(context, "volume export", async (r, cancellationToken) =>
            {
                var path = r.GetValue(output);
                if (path is null && !Console.IsOutputRedirected)
                {
                    throw new UsageException("expected output path of volume export, use -o or redirect stdout");
                }

                var volumes = VolumeCommands.Volumes(context);
                if (path is null)
                {
                    await using var stdout = context.OpenStdout();
                    await volumes.ExportAsync(r.GetValue(name)!, stdout, cancellationToken);
                    return ExitCodes.Success;
                }

                // Podman looks the volume up first. Beside the target and renamed: a failure
                // names the user's file and leaves no half tar.
                await volumes.InspectAsync(r.GetValue(name)!, cancellationToken);
                await OutputFile.WriteAsync(
                    path,
                    $"could not create tarball file '{path}'",
                    file => volumes.ExportAsync(r.GetValue(name)!, file, cancellationToken),
                    cancellationToken);
                return ExitCodes.Success;
            });
    }

    public static Command Import(CliContext context)
    {
        var name = One("VOLUME");
        var source = One("SOURCE");
        return new Command("import", "Unpack a tar archive (a file, or - for stdin) into a volume").With(name, source)
            .WithAction(context, "volume import", async (r, cancellationToken) =>
            {
                var path = r.GetValue(source)!;
                await using var stream = path == "-" ? Console.OpenStandardInput() : OpenArchive(path);
                await VolumeCommands.Volumes(context).ImportAsync(r.GetValue(name)!, stream, cancellationToken);
                return ExitCodes.Success;
            });
    }

    private static FileStream OpenArchive(string path) =>
        File.Exists(path)
            ? File.OpenRead(path)
            : throw new InvalidInputException($"open {path}: no such file or directory");

    // Podman lists the unused volumes the filters select before asking, and asks nothing
    // when there are none. Without --all only anonymous volumes are candidates.
    private static async Task<bool> ConfirmAsync(
        CliContext context,
        string[] filters,
        bool pruneAll,
        CancellationToken cancellationToken)
    {
        context.Out.WriteLine(pruneAll
            ? "WARNING! This will remove all volumes not used by at least one container. "
                + "The following volumes will be removed:"
            : "WARNING! This will remove anonymous local volumes not used by at least one container. "
                + "The following volumes will be removed:");
        string[] listed = [.. VolumePruneFilters.WithoutAll(filters), "dangling=true"];
        var unused = await VolumeCommands.Volumes(context)
            .ListAsync(pruneAll ? listed : [.. listed, "anonymous=true"], cancellationToken);
        if (unused.Count == 0)
        {
            context.Out.WriteLine(pruneAll ? "No dangling volumes found" : "No dangling anonymous volumes found");
            return false;
        }

        foreach (var volume in unused)
        {
            context.Out.WriteLine(volume.Name);
        }

        return PruneConfirmation.AskQuestion(context);
    }
}
