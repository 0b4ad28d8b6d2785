using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;
using Modular.Engine.Pods;
using Modular.Engine.State;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>pod stats</c>: a row per running or paused container of each pod (every pod when none is named),
/// read every second until interrupted, or once with <c>--no-stream</c>.
/// </summary>
public static class PodStatsCommand
{
    // Podman clears the terminal and homes the cursor between readings (goterm).
    private const string ClearScreen = "\u001b[2J\u001b[1;1H";

    // Podman marshals the reports with a five-space indent.
    private static readonly JsonSerializerOptions PodmanJson = new()
    {
        WriteIndented = true,
        IndentSize = 5,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Provide stats for all pods", "-a");
        var latest = Switch("--latest", "Act on the latest pod", "-l");
        var noStream = Switch("--no-stream", "Disable streaming stats and only pull the first result");
        var noReset = Switch("--no-reset", "Disable resetting the screen when streaming");
        var format = Value("--format", "Pretty-print container statistics to JSON or using a Go template");
        var names = Names("POD");
        return new Command(
                "stats",
                "Display a live stream of resource usage statistics for the containers in one or more pods")
            .With(all, latest, noStream, noReset, format, names)
            .WithAction(context, "pod stats", async (r, cancellationToken) =>
            {
                var pods = r.GetValue(names)!;
                var flags = (pods.Length > 0 ? 1 : 0) + (r.GetValue(all) ? 1 : 0) + (r.GetValue(latest) ? 1 : 0);
                if (flags > 1)
                {
                    throw new UsageException("--all, --latest and arguments cannot be used together");
                }

                var options = new Options(pods, r.GetValue(latest), r.GetValue(noStream), r.GetValue(noReset), r.GetValue(format));
                await LoopAsync(context, options, cancellationToken);
                return ExitCodes.Success;
            });
    }

    private static async Task LoopAsync(CliContext context, Options options, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<string, ContainerStatsSample>(StringComparer.Ordinal);
        var isJson = JsonOutput.IsJsonFormat(options.Format);
        while (true)
        {
            var rows = await ReadAsync(context, options, previous, cancellationToken);
            if (!isJson && !options.NoStream && !options.NoReset)
            {
                context.Out.Write(ClearScreen);
            }

            context.Out.Write(Render(rows, options.Format));
            await context.Out.FlushAsync(cancellationToken);
            if (options.NoStream)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>One reading of every running container of the chosen pods, in pod order.</summary>
    private static async Task<List<JsonObject>> ReadAsync(
        CliContext context,
        Options options,
        Dictionary<string, ContainerStatsSample> previous,
        CancellationToken cancellationToken)
    {
        var source = context.Services.GetRequiredService<IContainerResources>();
        var rows = new List<JsonObject>();
        var seen = new Dictionary<string, ContainerStatsSample>(StringComparer.Ordinal);
        foreach (var pod in await PodsAsync(PodCommands.Pods(context), options, cancellationToken))
        {
            // Podman reads a paused container's cgroup too; only stopped ones have none.
            var running = pod.Containers
                .Where(m => m.Status is ContainerStatus.Running or ContainerStatus.Paused)
                .Select(m => m.Id)
                .ToList();

            // An empty list would ask for every running container, not for none.
            if (running.Count == 0)
            {
                continue;
            }

            foreach (var sample in await SampleAsync(source, running, cancellationToken))
            {
                // CPU % covers the time since the last reading, as in Podman's stream.
                var linked = previous.TryGetValue(sample.Id, out var before)
                    ? sample with { Previous = before with { Previous = null } }
                    : sample;
                seen[sample.Id] = linked;
                rows.Add(PodStatsView.Row(pod.Config.Id, linked));
            }
        }

        previous.Clear();
        foreach (var (id, sample) in seen)
        {
            previous[id] = sample;
        }

        return rows;
    }

    // A member that stops between the listing and the reading is left out of this reading.
    private static async Task<IReadOnlyList<ContainerStatsSample>> SampleAsync(
        IContainerResources source,
        IReadOnlyList<string> ids,
        CancellationToken cancellationToken)
    {
        try
        {
            return await source.SampleStatsAsync(ids, false, cancellationToken);
        }
        catch (NotFoundException)
        {
            return [];
        }
    }

    private static async Task<IReadOnlyList<PodView>> PodsAsync(
        IPodService pods,
        Options options,
        CancellationToken cancellationToken)
    {
        if (options.Names.Count == 0)
        {
            var listed = await pods.ListAsync(cancellationToken);
            return options.Latest ? listed.OrderByDescending(p => p.Config.Created).Take(1).ToList() : listed;
        }

        var found = new List<PodView>();
        foreach (var name in options.Names)
        {
            try
            {
                found.Add(await pods.GetAsync(name, cancellationToken));
            }
            catch (NotFoundException e)
            {
                throw new NotFoundException($"unable to get list of pods: {e.Message}", e);
            }
        }

        return found;
    }

    private static string Render(List<JsonObject> rows, string? format)
    {
        if (JsonOutput.IsJsonFormat(format))
        {
            return new JsonArray(rows.Select(row => (JsonNode)row).ToArray()).ToJsonString(PodmanJson) + "\n";
        }

        if (format is null || format.Trim() == "table")
        {
            return PodStatsView.DefaultTable(rows);
        }

        // A user template prints nothing at all when no container runs, as Podman's does.
        if (rows.Count == 0)
        {
            return "";
        }

        var formatter = new ReportFormatter("stats", PodStatsView.HeaderOverrides);
        return formatter.Render(format, rows, PodStatsView.Fields, noHeading: false);
    }

    private sealed record Options(
        IReadOnlyList<string> Names,
        bool Latest,
        bool NoStream,
        bool NoReset,
        string? Format);
}
