using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// The filters of <c>search --filter</c> (containers/common's ParseSearchFilter): a
/// minimum star count, and official/automated wanted true or false (null: either).
/// </summary>
public sealed record ImageSearchFilter(int Stars, bool? IsOfficial, bool? IsAutomated)
{
    public static readonly ImageSearchFilter None = new(0, null, null);

    /// <exception cref="InvalidInputException">An unknown filter or a bad star count.</exception>
    public static ImageSearchFilter Parse(IReadOnlyList<string> filters)
    {
        var result = None;
        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=');
            var key = equals < 0 ? filter : filter[..equals];
            var value = equals < 0 ? null : filter[(equals + 1)..];
            result = key switch
            {
                "stars" => result with { Stars = StarsOf(value, filters) },
                "is-official" => result with { IsOfficial = value != "false" },
                "is-automated" => result with { IsAutomated = value != "false" },
                _ => throw new InvalidInputException($"invalid filter type \"{filter}\""),
            };
        }

        return result;
    }

    public bool Matches(V1SearchHit hit) =>
        hit.StarCount >= Stars
        && (IsOfficial is null || hit.IsOfficial == IsOfficial)
        && (IsAutomated is null || hit.IsAutomated == IsAutomated);

    private static int StarsOf(string? value, IReadOnlyList<string> filters)
    {
        if (value is null)
        {
            // Go's %q of the whole slice: ["a" "b"].
            var all = string.Join(' ', filters.Select(f => $"\"{f}\""));
            throw new InvalidInputException($"invalid filter [{all}], should be stars=<value>");
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stars)
            ? stars
            : throw new InvalidInputException(
                $"incorrect value type for stars filter: strconv.Atoi: parsing \"{value}\": invalid syntax");
    }
}
