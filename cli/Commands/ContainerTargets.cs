using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// How the day-two verbs pick their containers and report, as Podman's
/// <c>CheckAllLatestAndIDFile</c> and <c>getContainers</c> do: names are all resolved
/// before anything changes (one missing name fails the command), <c>--all</c> and
/// <c>--filter</c> select from every container, and each success prints the name as
/// typed, or the full ID for containers found by <c>--all</c>.
/// </summary>
internal static class ContainerTargets
{
    /// <summary>A container to act on, and what to print for it.</summary>
    public sealed record Target(string Id, string Shown);

    public static IContainerControl Control(CliContext context) =>
        context.Services.GetRequiredService<IContainerControl>();

    /// <summary><c>--latest</c> / <c>-l</c>: act on the container created last.</summary>
    public static Option<bool> LatestOption() =>
        CommandKit.Switch("--latest", "Act on the latest container podman is aware of", "-l");

    /// <summary><c>--cidfile</c>: read container IDs from files (first line of each).</summary>
    public static Option<string[]> CidFileOption() =>
        CommandKit.Values("--cidfile", "Read the container ID from the file");

    /// <summary>The names given plus the IDs read from <c>--cidfile</c> files.</summary>
    public static string[] WithCidFiles(string[] names, string[] cidFiles)
    {
        var ids = new List<string>(names);
        foreach (var file in cidFiles)
        {
            try
            {
                ids.Add(File.ReadAllText(file).Split('\n')[0].Trim());
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Go's os.Open text, as Podman prints it.
                throw new InvalidInputException($"reading CIDFile: open {file}: no such file or directory");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidInputException($"reading CIDFile: {e.Message}");
            }
        }

        return [.. ids];
    }

    /// <summary>Podman's argument rules, in its words.</summary>
    public static void Check(string[] names, bool all, string[]? filters = null, bool latest = false)
    {
        if (all && latest)
        {
            throw new UsageException("--all and --latest cannot be used together");
        }

        if (latest && names.Length > 0)
        {
            throw new UsageException("--latest and containers cannot be used together");
        }

        if (latest)
        {
            return;
        }

        if (filters is { Length: > 0 } && names.Length > 0)
        {
            throw new UsageException("--filter takes no arguments");
        }

        if (all && names.Length > 0)
        {
            throw new UsageException("no arguments are needed with --all");
        }

        if (!all && names.Length == 0 && filters is not { Length: > 0 })
        {
            throw new UsageException("you must provide at least one name or id");
        }
    }

    public static async Task<IReadOnlyList<Target>> ResolveAsync(
        CliContext context,
        string[] names,
        string[] filters,
        Func<ContainerInfo, bool> eligible,
        CancellationToken cancellationToken,
        bool latest = false)
    {
        if (latest)
        {
            return [await LatestAsync(context, cancellationToken)];
        }

        var targets = new List<Target>();
        foreach (var name in names)
        {
            // Docker's leading slash, which Podman strips.
            var info = await context.Containers.ResolveAsync(name.TrimStart('/'), cancellationToken);
            targets.Add(new Target(info.Id, name));
        }

        if (names.Length > 0)
        {
            return targets;
        }

        var list = await context.Containers.ListAsync(true, cancellationToken);
        var selected = PsCommand.Select(list.Where(eligible), filters, false, null).Reverse();
        return selected.Select(c => new Target(c.Id, c.Id)).ToList();
    }

    /// <summary>The container created last, printed by its full ID (Podman's --latest).</summary>
    public static async Task<Target> LatestAsync(CliContext context, CancellationToken cancellationToken)
    {
        var list = await context.Containers.ListAsync(true, cancellationToken);
        var latest = list.MaxBy(c => c.Created)
            ?? throw new NotFoundException("no such container");
        return new Target(latest.Id, latest.Id);
    }

    /// <summary>
    /// Acts on each target; prints each success; reports every failure as one
    /// <c>Error:</c> line and exits 125, as Podman's <c>PrintErrors</c> does.
    /// <paramref name="act"/> returns false to print nothing for a target.
    /// </summary>
    public static async Task<int> EachAsync(
        CliContext context,
        string key,
        IReadOnlyList<Target> targets,
        Func<Target, Task<bool>> act)
    {
        var code = ExitCodes.Success;
        foreach (var target in targets)
        {
            try
            {
                if (await act(target))
                {
                    context.Out.WriteLine(target.Shown);
                }
            }
            catch (ModularException e)
            {
                code = ErrorMapper.Report(key, e, context.Error, context.Debug);
            }
        }

        return code;
    }
}
