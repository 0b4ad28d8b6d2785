using System.Globalization;
using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Volumes;

/// <summary>
/// <c>volume ls --filter</c> and <c>volume prune --filter</c> as Podman reads them: values of
/// one key are alternatives, different keys must all match.
/// </summary>
public sealed partial class VolumeFilter
{
    private static readonly string[] ListKeys =
        ["name", "label", "label!", "driver", "dangling", "until", "opt", "scope", "anonymous"];

    private static readonly string[] PruneKeys = ["label", "label!", "until", "all"];

    private readonly ILookup<string, string> _values;

    private VolumeFilter(ILookup<string, string> values) => _values = values;

    /// <summary>Reads KEY=VALUE filters; <paramref name="prune"/> allows only prune's keys.</summary>
    public static VolumeFilter Parse(IReadOnlyList<string> filters, bool prune)
    {
        var pairs = filters.Select(f => f.Split('=', 2)).ToList();
        foreach (var pair in pairs)
        {
            var allowed = prune ? PruneKeys : ListKeys;
            if (pair.Length != 2 || !allowed.Contains(pair[0]))
            {
                throw new InvalidInputException(pair.Length == 2
                    ? $"\"{pair[0]}\" is an invalid volume filter"
                    : $"invalid filter \"{string.Join('=', pair)}\"");
            }
        }

        return new VolumeFilter(pairs.ToLookup(p => p[0], p => p[1]));
    }

    /// <summary>
    /// Prune's all=true (what <c>volume prune --all</c> sends): named volumes go too, not
    /// only anonymous ones, as in Podman 5 and Docker's API 1.42.
    /// </summary>
    public bool PruneAll => _values["all"].Any(v => v.ToLowerInvariant() is "true" or "1" or "y" or "yes");

    /// <summary>Whether <paramref name="volume"/> passes; <paramref name="inUse"/> says whether a container names it.</summary>
    public bool Matches(VolumeRecord volume, bool inUse, DateTimeOffset now) =>
        All("name", v => Regex.IsMatch(volume.Name, v))
        && All("label", v => HasLabel(volume, v))
        && _values["label!"].All(v => !HasLabel(volume, v))
        && All("driver", v => v == volume.Driver)
        && All("scope", v => v == "local")
        && All("opt", v => HasOption(volume, v))
        && All("dangling", v => Dangling(v) == !inUse)
        && All("anonymous", v => Dangling(v) == volume.Anonymous)
        && All("until", v => volume.CreatedAt < Until(v, now));

    // Values of one key: any may match; an absent key matches everything.
    private bool All(string key, Func<string, bool> test) =>
        !_values[key].Any() || _values[key].Any(test);

    private static bool HasLabel(VolumeRecord volume, string filter)
    {
        var parts = filter.Split('=', 2);
        return volume.Labels.TryGetValue(parts[0], out var value) && (parts.Length == 1 || parts[1] == value);
    }

    private static bool HasOption(VolumeRecord volume, string filter)
    {
        var parts = filter.Split('=', 2);
        return volume.Options.TryGetValue(parts[0], out var value) && (parts.Length == 1 || parts[1] == value);
    }

    private static bool Dangling(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new InvalidInputException($"invalid dangling filter value \"{value}\""),
    };

    private static DateTimeOffset Until(string value, DateTimeOffset now)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        var match = Duration().Match(value);
        if (match.Success)
        {
            var total = match.Groups["n"].Captures.Zip(match.Groups["u"].Captures)
                .Sum(p => double.Parse(p.First.Value, CultureInfo.InvariantCulture) * Unit(p.Second.Value));
            return now - TimeSpan.FromSeconds(total);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : throw new InvalidInputException($"invalid until filter value \"{value}\"");
    }

    private static double Unit(string unit) => unit switch
    {
        "h" => 3600,
        "m" => 60,
        "ms" => 0.001,
        _ => 1,
    };

    [GeneratedRegex(@"^(?:(?<n>\d+(?:\.\d+)?)(?<u>h|ms|m|s))+$")]
    private static partial Regex Duration();
}
