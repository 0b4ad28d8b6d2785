using System.CommandLine;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Pods;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>pod ps</c> / <c>pod ls</c>: Podman's columns, filters, -q and --format.</summary>
public static class PodListCommand
{
    public static Command Create(CliContext context)
    {
        var format = Value("--format", "Print as JSON or through a Go template, not a table");
        var filters = Values("--filter", "List only pods matching KEY=VALUE (id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number)", "-f");
        var quiet = Switch("--quiet", "Print only pod IDs", "-q");
        var noTrunc = Switch("--no-trunc", "Print IDs in full");
        var noHeading = Switch("--noheading", "Leave out the header line", "-n");
        var ctrNames = Switch("--ctr-names", "Show the names of the pod's containers");
        var ctrIds = Switch("--ctr-ids", "Show the IDs of the pod's containers");
        var ctrStatus = Switch("--ctr-status", "Show the statuses of the pod's containers");
        var latest = Switch("--latest", "Show only the newest pod", "-l");
        var sort = Value("--sort", "Sort by created, id, name, number or status");
        return new Command("ps", "List pods")
            .With(format, filters, quiet, noTrunc, noHeading, ctrNames, ctrIds, ctrStatus, latest, sort)
            .Aliased("ls", "list")
            .WithAction(context, "pod ps", async (r, cancellationToken) =>
            {
                var service = PodCommands.Pods(context);
                var pods = Sort(Filter(await service.ListAsync(cancellationToken), r.GetValue(filters)!), r.GetValue(sort));
                if (r.GetValue(latest))
                {
                    pods = pods.OrderByDescending(pod => pod.Config.Created).Take(1).ToList();
                }

                var chosen = r.GetValue(format);
                if (r.GetValue(quiet) && chosen is null)
                {
                    pods.ForEach(pod => context.Out.WriteLine(PodRow.Short(pod.Config.Id, r.GetValue(noTrunc))));
                    return ExitCodes.Success;
                }

                if (JsonOutput.IsJsonFormat(chosen))
                {
                    context.Out.WriteLine(JsonOutput.Array(pods.Select(service.Summarize)));
                    return ExitCodes.Success;
                }

                var now = context.Now();
                var rows = pods.Select(pod => PodRow.From(pod, service.Summarize(pod), r.GetValue(noTrunc), now)).ToList();
                var template = ReportFormatter.OrDefault(
                    chosen, PodRow.DefaultFormat(r.GetValue(ctrIds), r.GetValue(ctrNames), r.GetValue(ctrStatus)));
                var fields = rows.FirstOrDefault()?.Select(pair => pair.Key) ?? PodRow.HeaderOverrides.Keys.Concat(["Name", "Status", "Created"]);
                context.Out.Write(new ReportFormatter("pod ps", PodRow.HeaderOverrides)
                    .Render(template, rows, fields, r.GetValue(noHeading)));
                return ExitCodes.Success;
            });
    }

    // Values of one key are alternatives; different keys must all match, as Podman's filters.
    private static List<PodView> Filter(IEnumerable<PodView> pods, IReadOnlyList<string> filters)
    {
        var groups = filters.GroupBy(filter => filter.Split('=')[0])
            .Select(group => group.Select(Parse).ToList()).ToList();
        return pods.Where(pod => groups.All(group => group.Any(match => match(pod)))).ToList();
    }

    private static Func<PodView, bool> Parse(string filter)
    {
        var eq = filter.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UsageException($"invalid filter \"{filter}\", should be of the form key=value");
        }

        var (key, value) = (filter[..eq], filter[(eq + 1)..]);
        return key switch
        {
            "id" => pod => IdMatches(pod.Config.Id, value),
            "name" => pod => Regex.IsMatch(pod.Config.Name, value),
            "status" => pod => pod.Status.Equals(value, StringComparison.OrdinalIgnoreCase),
            "label" => pod => Label(pod, value),
            "ctr-names" => pod => pod.Containers.Any(member => Regex.IsMatch(member.Name, value)),
            "ctr-ids" => pod => pod.Containers.Any(member => IdMatches(member.Id, value)),
            "ctr-status" => pod => pod.Containers.Any(member => member.Status == value),
            "ctr-number" => pod => int.TryParse(value, out var number) && pod.Containers.Count == number,
            "until" => Until(value),
            _ => throw new UsageException($"invalid filter \"{key}\""),
        };
    }

    // Pods created before the time (a Unix time, a duration back from now, or a date).
    private static Func<PodView, bool> Until(string value)
    {
        var until = Modular.Engine.Networks.UntilTime.Parse([value], DateTimeOffset.Now);
        return pod => pod.Config.Created < until;
    }

    // As Podman's FilterID: hex alone is an id prefix; anything else is a regex.
    private static bool IdMatches(string id, string value) =>
        value.All(char.IsAsciiHexDigit)
            ? id.StartsWith(value.ToLowerInvariant(), StringComparison.Ordinal)
            : Regex.IsMatch(id, value);

    private static bool Label(PodView pod, string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        return eq < 0
            ? pod.Config.Labels.ContainsKey(value)
            : pod.Config.Labels.TryGetValue(value[..eq], out var actual) && actual == value[(eq + 1)..];
    }

    private static List<PodView> Sort(List<PodView> pods, string? key) => key switch
    {
        null or "created" => [.. pods.OrderByDescending(pod => pod.Config.Created)],
        "id" => [.. pods.OrderBy(pod => pod.Config.Id, StringComparer.Ordinal)],
        "name" => [.. pods.OrderBy(pod => pod.Config.Name, StringComparer.Ordinal)],
        "number" => [.. pods.OrderBy(pod => pod.Containers.Count)],
        "status" => [.. pods.OrderBy(pod => pod.Status, StringComparer.Ordinal)],
        _ => throw new UsageException($"invalid option for --sort, options are: created, id, name, number, or status"),
    };
}
