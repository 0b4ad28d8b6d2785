using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>ps</c> / <c>container ls</c>: Podman's columns, filters, -q and --format.</summary>
public static class PsCommand
{
    public static Command Create(CliContext context, string name, string key)
    {
        var all = Switch("--all", "Include containers that are not running", "-a");
        var quiet = Switch("--quiet", "Print only container IDs", "-q");
        var noTrunc = Switch("--no-trunc", "Print IDs in full");
        var format = Value("--format", "Print as JSON or through a Go template, not a table");
        var filters = Values(
            "--filter",
            "List only containers matching KEY=VALUE (name, id, status, label, ancestor)",
            "-f");
        var noHeading = Switch("--noheading", "Leave out the header line");
        var latest = Switch("--latest", "Show only the newest container", "-l");
        var last = Number("--last", "Show the N newest containers, in any state", "-n");
        var pod = Switch("--pod", "Add the POD ID and PODNAME columns", "-p");
        var command = new Command(name, "List running containers, or all with --all")
            .With(all, quiet, noTrunc, format, filters, noHeading, latest, last, pod);
        return command.WithAction(context, key, async (r, cancellationToken) =>
        {
            var showAll = r.GetValue(all) || r.GetValue(latest) || r.GetValue(last) is not null;
            var list = await context.Containers.ListAsync(showAll, cancellationToken);
            var selected = Select(list, r.GetValue(filters)!, r.GetValue(latest), r.GetValue(last));
            Write(
                context,
                selected,
                r.GetValue(quiet),
                r.GetValue(noTrunc),
                r.GetValue(format) ?? (r.GetValue(pod) && !r.GetValue(quiet) ? ContainerView.DefaultFormat + PodColumns : null),
                r.GetValue(noHeading));
            return ExitCodes.Success;
        });
    }

    private const string PodColumns = "\\t{{.Pod}}\\t{{.PodName}}";

    /// <summary>Filters, newest first, then --latest / --last.</summary>
    public static IReadOnlyList<ContainerInfo> Select(
        IEnumerable<ContainerInfo> list,
        IReadOnlyList<string> filters,
        bool latest,
        int? last)
    {
        // Values of one filter key are alternatives; different keys must all match (Podman).
        var groups = filters.GroupBy(f => f.Split('=')[0]).Select(g => g.Select(Parse).ToList()).ToList();
        var selected = list.Where(c => groups.All(g => g.Any(p => p(c)))).OrderByDescending(c => c.Created);
        var count = latest ? 1 : last is > 0 ? last.Value : int.MaxValue;
        return selected.Take(count).ToList();
    }

    private static void Write(
        CliContext context,
        IReadOnlyList<ContainerInfo> list,
        bool quiet,
        bool noTrunc,
        string? format,
        bool noHeading)
    {
        if (quiet && format is null)
        {
            foreach (var c in list)
            {
                context.Out.WriteLine(noTrunc ? c.Id : ContainerView.ShortId(c.Id));
            }

            return;
        }

        if (JsonOutput.IsJsonFormat(format))
        {
            context.Out.WriteLine(JsonOutput.Array(list.Select(context.Containers.Summarize)));
            return;
        }

        var now = context.Now();
        var rows = list.Select(c => ContainerView.From(c, context.Containers.Summarize(c), noTrunc, now)).ToList();
        var formatter = new ReportFormatter("ps", ContainerView.HeaderOverrides);
        context.Out.Write(formatter.Render(ReportFormatter.OrDefault(format, ContainerView.DefaultFormat), rows, ContainerView.Fields(rows), noHeading));
    }

    /// <summary>name (regex), id (prefix), status, label (key or key=value), as Podman's ps filters.</summary>
    private static Func<ContainerInfo, bool> Parse(string filter)
    {
        var eq = filter.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UsageException($"invalid filter \"{filter}\", should be of the form key=value");
        }

        var (key, value) = (filter[..eq], filter[(eq + 1)..]);
        return key switch
        {
            "name" => c => Regex.IsMatch(c.Name, value),
            "id" => c => c.Id.StartsWith(value, StringComparison.Ordinal),
            "status" => Status(value),
            "label" => c => Label(c, value),
            "ancestor" => c => c.ImageName.Contains(value, StringComparison.Ordinal) || c.ImageId.StartsWith(value, StringComparison.Ordinal),
            "restart-policy" => c => c.RestartPolicy == value,
            "pod" => c => c.Pod.Length > 0 && (c.PodName == value || c.Pod.StartsWith(value, StringComparison.Ordinal)),
            "health" => c => c.HealthStatus == value || (value == "none" && c.HealthStatus.Length == 0),
            _ => throw new UsageException($"invalid filter \"{key}\""),
        };
    }

    private static readonly HashSet<string> States =
        ["created", "running", "paused", "stopped", "exited", "unknown", "removing", "stopping"];

    private static Func<ContainerInfo, bool> Status(string value) =>
        States.Contains(value)
            ? c => c.State == value || (value == "exited" && c.State == "stopped")
            : throw new UsageException(
                $"invalid status \"{value}\": must be one of {string.Join(", ", States)}");

    private static bool Label(ContainerInfo c, string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        return eq < 0
            ? c.Labels.ContainsKey(value)
            : c.Labels.TryGetValue(value[..eq], out var v) && v == value[(eq + 1)..];
    }

    /// <summary>The JSON object a template sees for one container (used by tests).</summary>
    public static JsonObject ViewOf(ContainerInfo info, JsonObject summary, DateTimeOffset now) =>
        ContainerView.From(info, summary, false, now);
}
