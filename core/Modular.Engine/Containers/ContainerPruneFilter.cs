using Modular.Contracts.Errors;
using Modular.Engine.Networks;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>container prune --filter</c> as Podman reads it: <c>label</c> and <c>label!</c>
/// (every value must hold), and <c>until</c> (created before a time or duration ago).
/// Only containers that are not running or paused are candidates at all.
/// </summary>
public sealed class ContainerPruneFilter
{
    private readonly ILookup<string, string> _values;
    private readonly DateTimeOffset? _until;

    private ContainerPruneFilter(ILookup<string, string> values, DateTimeOffset now)
    {
        _values = values;
        _until = values["until"].Any() ? UntilTime.Parse(values["until"].ToList(), now) : null;
    }

    /// <exception cref="InvalidInputException">Podman's texts for a malformed or unknown filter.</exception>
    public static ContainerPruneFilter Parse(IReadOnlyList<string> filters, DateTimeOffset now)
    {
        var pairs = new List<(string Key, string Value)>();
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new InvalidInputException(
                    $"filter input must be in the form of filter=value: {filter} is invalid");
            }

            var key = filter[..eq];
            if (key is not ("label" or "label!" or "until"))
            {
                throw new InvalidInputException($"{key} is an invalid filter");
            }

            pairs.Add((key, filter[(eq + 1)..]));
        }

        return new ContainerPruneFilter(pairs.ToLookup(p => p.Key, p => p.Value), now);
    }

    public bool Matches(ContainerInfo container) =>
        container.State is not (ContainerStatus.Running or ContainerStatus.Paused)
        && _values["label"].All(v => HasLabel(container, v))
        && !_values["label!"].Any(v => HasLabel(container, v))
        && (_until is not { } until || container.Created < until);

    private static bool HasLabel(ContainerInfo container, string filter)
    {
        var parts = filter.Split('=', 2);
        return container.Labels.TryGetValue(parts[0], out var value)
            && (parts.Length == 1 || parts[1].Length == 0 || parts[1] == value);
    }
}
