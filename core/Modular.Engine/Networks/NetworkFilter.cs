using System.Text.RegularExpressions;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Engine.Networks;

/// <summary>
/// Podman's network filters (common/libnetwork/util/filters.go and the dangling filter of
/// its ABI): name (regular expression), id (prefix, or regular expression), driver,
/// label / label! (key or key=value), until (a time or duration), dangling (true/false).
/// Several values of one key match any of them; all keys must match.
/// </summary>
public sealed class NetworkFilter
{
    private readonly List<Func<NetworkDefinition, bool>> _tests = [];

    private NetworkFilter(bool? dangling) => Dangling = dangling;

    /// <summary>The dangling filter, applied by the caller, who knows which networks are used.</summary>
    public bool? Dangling { get; }

    /// <exception cref="InvalidInputException">A malformed filter, unknown key or bad value.</exception>
    public static NetworkFilter Parse(IReadOnlyList<string> filters, DateTimeOffset now, bool prune = false)
    {
        var grouped = Group(filters);
        var dangling = grouped.Remove("dangling", out var values) ? ParseDangling(values) : (bool?)null;
        var filter = new NetworkFilter(dangling);
        foreach (var (key, group) in grouped)
        {
            filter._tests.Add(Test(key, group, now, prune));
        }

        return filter;
    }

    public bool Matches(NetworkDefinition network) => _tests.All(test => test(network));

    private static Dictionary<string, List<string>> Group(IReadOnlyList<string> filters)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new InvalidInputException(
                    $"filter input must be in the form of filter=value: {filter} is invalid");
            }

            var key = filter[..eq];
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }

            list.Add(filter[(eq + 1)..]);
        }

        return grouped;
    }

    private static bool ParseDangling(List<string> values)
    {
        if (values.Count > 1)
        {
            throw new InvalidInputException("got more than one value for filter key \"dangling\"");
        }

        return GoParse.TryBool(values[0], out var flag)
            ? flag
            : throw new InvalidInputException($"invalid dangling filter value \"{values[0]}\"");
    }

    private static Func<NetworkDefinition, bool> Test(string key, List<string> values, DateTimeOffset now, bool prune)
    {
        switch (key.ToLowerInvariant())
        {
            case "name" when !prune:
                return n => values.Any(v => Regex.IsMatch(n.Name, v));
            case "driver" when !prune:
                return n => values.Contains(n.Driver);
            case "id" when !prune:
                return n => values.Any(v => MatchesId(n.Id, v));
            case "label":
                return n => values.All(v => LabelMatches(v, n.Labels));
            case "label!":
                return n => !values.Any(v => LabelMatches(v, n.Labels));
            case "until":
                var until = UntilTime.Parse(values, now);
                return n => n.Created < until;
            default:
                throw new InvalidInputException($"invalid filter \"{key}\"");
        }
    }

    private static bool MatchesId(string id, string wanted) =>
        wanted.All(Uri.IsHexDigit)
            ? id.StartsWith(wanted.ToLowerInvariant(), StringComparison.Ordinal)
            : Regex.IsMatch(id, wanted);

    // key, key=value; the key may be a glob (label=com.example.*).
    private static bool LabelMatches(string filter, IReadOnlyDictionary<string, string> labels)
    {
        var eq = filter.IndexOf('=', StringComparison.Ordinal);
        var (key, value) = eq < 0 ? (filter, "") : (filter[..eq], filter[(eq + 1)..]);
        var pattern = "^" + Regex.Escape(key).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return labels.Any(l => (value.Length == 0 || l.Value == value)
            && (l.Key == key || Regex.IsMatch(l.Key, pattern)));
    }
}
