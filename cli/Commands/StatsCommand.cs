using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>stats</c>: a row of cgroup usage per running container (all with <c>-a</c>), once with
/// <c>--no-stream</c> or every <c>--interval</c> seconds, the screen cleared between
/// readings unless <c>--no-reset</c>. CPU % is over the interval, AVG CPU % over the run.
/// </summary>
public static class StatsCommand
{
    // Podman clears the terminal and homes the cursor between readings (goterm).
    private const string ClearScreen = "\u001b[2J\u001b[1;1H";

    private static readonly JsonSerializerOptions PodmanStatsJson = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Show all containers, not only running ones", "-a");
        var noStream = Switch("--no-stream", "Print one reading and exit");
        var noReset = Switch("--no-reset", "Do not clear the terminal between readings");
        var format = Value("--format", "Print as JSON or through a Go template");
        var interval = Number("--interval", "Seconds between readings (default 5)", "-i");
        var names = Names("CONTAINER");
        return new Command("stats", "Display a live stream of container resource usage statistics")
            .With(all, noStream, noReset, format, interval, names)
            .WithAction(context, "stats", async (r, cancellationToken) =>
            {
                var seconds = r.GetValue(interval) ?? 5;
                if (seconds < 1)
                {
                    throw new UsageException("invalid interval, must be a positive number greater zero");
                }

                var options = new StatsOptions(
                    r.GetValue(names)!, r.GetValue(all), r.GetValue(noStream), r.GetValue(noReset),
                    r.GetValue(format), TimeSpan.FromSeconds(seconds));
                await LoopAsync(context, options, cancellationToken);
                return ExitCodes.Success;
            });
    }

    private static async Task LoopAsync(CliContext context, StatsOptions options, CancellationToken cancellationToken)
    {
        var source = context.Services.GetRequiredService<IContainerResources>();
        var previous = new Dictionary<string, ContainerStatsSample>(StringComparer.Ordinal);
        while (true)
        {
            var samples = await SampleAsync(source, options, previous, cancellationToken);
            if (!options.NoStream && !options.NoReset)
            {
                context.Out.Write(ClearScreen);
            }

            Print(context, samples, options.Format);
            await context.Out.FlushAsync(cancellationToken);

            // The reader left (stats | head -1): stop quietly, as Podman does on EPIPE.
            if (options.NoStream || Terminal.BrokenPipe.IsClosed())
            {
                return;
            }

            await Task.Delay(options.Interval, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<ContainerStatsSample>> SampleAsync(
        IContainerResources source,
        StatsOptions options,
        Dictionary<string, ContainerStatsSample> previous,
        CancellationToken cancellationToken)
    {
        var samples = await source.SampleStatsAsync(options.Names, options.All, cancellationToken);

        // Each reading keeps only the one before it, so CPU % covers one interval.
        var linked = samples
            .Select(s => previous.TryGetValue(s.Id, out var before) ? s with { Previous = before with { Previous = null } } : s)
            .ToList();
        previous.Clear();
        linked.ForEach(s => previous[s.Id] = s);
        return linked;
    }

    /// <summary>Prints one reading as a table, through a template, or as Podman's JSON array.</summary>
    public static void Print(CliContext context, IReadOnlyList<ContainerStatsSample> samples, string? format)
    {
        var rows = samples.Select(StatsView.Row).ToList();
        if (JsonOutput.IsJsonFormat(format))
        {
            var array = new JsonArray(rows.Select(row => (JsonNode)StatsView.Json(row)).ToArray());
            context.Out.WriteLine(array.ToJsonString(PodmanStatsJson));
            return;
        }

        var formatter = new ReportFormatter("stats", StatsView.HeaderOverrides);
        var template = ReportFormatter.OrDefault(format, StatsView.DefaultFormat);
        context.Out.Write(formatter.Render(template, rows, StatsView.Fields, noHeading: false));
    }

    private sealed record StatsOptions(
        IReadOnlyList<string> Names,
        bool All,
        bool NoStream,
        bool NoReset,
        string? Format,
        TimeSpan Interval);
}
