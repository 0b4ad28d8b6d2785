using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>ps</c> / <c>container ls</c>: Podman's columns, filters, sorting, sizes, -q and
/// --format. <see cref="Select"/> is the older synchronous filter kept for <c>start --filter</c>.
/// </summary>
public static class PsCommand
{
    public static Command Create(CliContext context, string name, string key)
    {
        var flags = new PsFlags();
        var command = new Command(name, "List running containers, or all with --all").With(flags.All());
        return command.WithAction(context, key, async (r, cancellationToken) =>
        {
            var request = flags.Read(r);
            var listing = await PsListing.ListAsync(context, request, cancellationToken);
            PsWriter.Write(context, listing, request);
            return ExitCodes.Success;
        });
    }

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
