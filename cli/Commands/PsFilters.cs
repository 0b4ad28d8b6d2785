using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Networks;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>ps --filter</c> as Podman 5 reads it: values of one key are alternatives (except
/// <c>label</c>, whose values must all match), different keys must all match.
/// </summary>
public static class PsFilters
{
    /// <summary>KEY=VALUE strings grouped by key, in the order the keys were first given.</summary>
    public static IReadOnlyList<(string Key, IReadOnlyList<string> Values)> Group(
        IReadOnlyList<string> filters)
    {
        var groups = new List<(string Key, List<string> Values)>();
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new UsageException($"invalid filter \"{filter}\"");
            }

            var key = filter[..eq];
            var index = groups.FindIndex(g => g.Key == key);
            if (index < 0)
            {
                groups.Add((key, []));
                index = groups.Count - 1;
            }

            groups[index].Values.Add(filter[(eq + 1)..]);
        }

        return groups.Select(g => (g.Key, (IReadOnlyList<string>)g.Values)).ToList();
    }

    /// <summary>One predicate for all the filters; lookups (images, containers) done once.</summary>
    public static async Task<Func<ContainerInfo, bool>> BuildAsync(
        CliContext context,
        IReadOnlyList<string> filters,
        IReadOnlyList<ContainerInfo> containers,
        CancellationToken cancellationToken)
    {
        var predicates = new List<Func<ContainerInfo, bool>>();
        foreach (var (key, values) in Group(filters))
        {
            predicates.Add(await PredicateAsync(context, key, values, containers, cancellationToken));
        }

        return c => predicates.TrueForAll(p => p(c));
    }

    private static async Task<Func<ContainerInfo, bool>> PredicateAsync(
        CliContext context,
        string key,
        IReadOnlyList<string> values,
        IReadOnlyList<ContainerInfo> containers,
        CancellationToken cancellationToken) => key switch
    {
        "id" => c => values.Any(v => IdMatches(c.Id, v)),
        "name" => c => values.Any(v => Regex.IsMatch(c.Name, v.Replace("/", "", StringComparison.Ordinal))),
        "label" => c => values.All(v => PsLabels.Matches(c.Labels, v)),
        "label!" => c => !values.Any(v => PsLabels.Matches(c.Labels, v)),
        "exited" => Exited(values),
        "status" => PsStatus.Filter(values),
        "ancestor" => await AncestorAsync(context, values, cancellationToken),
        "before" => Created(await OldestAsync(context, values, cancellationToken), before: true),
        "since" => Created(await OldestAsync(context, values, cancellationToken), before: false),
        "volume" => await VolumeAsync(context, values, containers, cancellationToken),
        "health" => c => values.Contains(c.HealthStatus.Length == 0 ? "none" : c.HealthStatus),
        "until" => Until(context, values),
        // A pod's name or an ID prefix; a container outside pods matches none.
        "pod" => c => c.Pod.Length > 0
            && values.Any(v => c.PodName == v || c.Pod.StartsWith(v, StringComparison.Ordinal)),
        "network" => await NetworkAsync(context, values, cancellationToken),
        "restart-policy" => RestartPolicy(values),
        "command" => c => c.Command.Count > 0 && values.Any(v => Regex.IsMatch(c.Command[0], v)),
        "expose" => PsPorts.Expose(values),
        "publish" => PsPorts.Publish(values),
        _ => throw new UsageException($"{key} is an invalid filter"),
    };

    // A hex value is an id prefix; anything else is a regular expression (Podman #18471).
    // A hex value is an ID prefix in either case (IDs are lower case); anything else a regex.
    private static bool IdMatches(string id, string value) =>
        value.All(Uri.IsHexDigit)
            ? id.StartsWith(value, StringComparison.OrdinalIgnoreCase)
            : Regex.IsMatch(id, value);

    private static Func<ContainerInfo, bool> Exited(IReadOnlyList<string> values)
    {
        var codes = new List<int>();
        foreach (var value in values)
        {
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                // Podman formats the failed (zero) number with %q, hence the odd '\x00'.
                throw new UsageException(
                    $"exited code out of range '\\x00': strconv.ParseInt: parsing \"{value}\": invalid syntax");
            }

            codes.Add(code);
        }

        return c => c.State is "exited" or "stopped" && codes.Contains(c.ExitCode ?? 0);
    }

    private static async Task<Func<ContainerInfo, bool>> AncestorAsync(
        CliContext context,
        IReadOnlyList<string> values,
        CancellationToken cancellationToken)
    {
        // A value naming a local image stands for its id; others are matched as id text.
        var ids = new List<string>();
        foreach (var value in values)
        {
            try
            {
                ids.Add(Hex((await context.Images.ResolveAsync(value, cancellationToken)).Id));
            }
            catch (Exception e) when (e is NotFoundException or InvalidInputException)
            {
                ids.Add(Hex(value));
            }
        }

        return c => ids.Any(id => id.Length > 0 && Hex(c.ImageId).Contains(id, StringComparison.Ordinal));
    }

    private static string Hex(string id) =>
        id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;

    // Several containers given: the oldest creation time is the bound, as Podman does.
    private static async Task<DateTimeOffset> OldestAsync(
        CliContext context,
        IReadOnlyList<string> values,
        CancellationToken cancellationToken)
    {
        var oldest = DateTimeOffset.MaxValue;
        foreach (var value in values)
        {
            var container = await context.Containers.ResolveAsync(value, cancellationToken);
            oldest = container.Created < oldest ? container.Created : oldest;
        }

        return oldest;
    }

    private static Func<ContainerInfo, bool> Created(DateTimeOffset bound, bool before) =>
        before ? c => c.Created < bound : c => c.Created > bound;

    private static Func<ContainerInfo, bool> Until(CliContext context, IReadOnlyList<string> values)
    {
        if (values.Count != 1)
        {
            throw new UsageException("specify exactly one timestamp for until");
        }

        var until = TimeArgument.Parse(values[0], context.Now());
        return c => until is { } bound && c.Created < bound;
    }

    private static async Task<Func<ContainerInfo, bool>> VolumeAsync(
        CliContext context,
        IReadOnlyList<string> values,
        IReadOnlyList<ContainerInfo> containers,
        CancellationToken cancellationToken)
    {
        // Mounts are not part of the listing; inspect only when this filter asks for them.
        var mounts = new Dictionary<string, JsonArray>();
        foreach (var container in containers)
        {
            var inspect = await context.Containers.InspectAsync(container.Id, cancellationToken);
            mounts[container.Id] = inspect["Mounts"] as JsonArray ?? [];
        }

        return c => mounts.TryGetValue(c.Id, out var list) && values.Any(v => MountMatches(list, v));
    }

    // SOURCE:DEST matches a mount of that source (or volume name) at DEST; a bare value
    // matches a destination or a volume name.
    private static bool MountMatches(JsonArray mounts, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (source, dest) = colon < 0 ? (value, "") : (value[..colon], value[(colon + 1)..]);
        return mounts.OfType<JsonObject>().Any(m =>
        {
            var name = m["Name"]?.GetValue<string>();
            var mountSource = m["Source"]?.GetValue<string>();
            var destination = m["Destination"]?.GetValue<string>();
            return dest.Length == 0
                ? destination == source || name == source
                : destination == dest && (mountSource == source || name == source);
        });
    }

    private static async Task<Func<ContainerInfo, bool>> NetworkAsync(
        CliContext context,
        IReadOnlyList<string> values,
        CancellationToken cancellationToken)
    {
        // Unknown networks are skipped, not refused (Podman).
        var networks = context.Services.GetRequiredService<INetworkService>();
        var names = new List<string>();
        foreach (var value in values)
        {
            try
            {
                names.Add((await networks.ResolveAsync(value, cancellationToken)).Name);
            }
            catch (NotFoundException)
            {
            }
        }

        return c => (c.Networks ?? []).Any(names.Contains);
    }

    private static readonly string[] RestartPolicies = ["none", "no", "always", "on-failure", "unless-stopped"];

    private static Func<ContainerInfo, bool> RestartPolicy(IReadOnlyList<string> values)
    {
        var invalid = values.Where(v => !RestartPolicies.Contains(v)).ToList();
        if (invalid.Count > 0)
        {
            var noun = invalid.Count > 1 ? "invalid restart policies" : "invalid restart policy";
            throw new UsageException($"{string.Join(", ", invalid)} {noun}");
        }

        return c => values.Any(v => c.RestartPolicy == v || (v == "none" && c.RestartPolicy.Length == 0));
    }
}
