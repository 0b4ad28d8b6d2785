using System.Text.RegularExpressions;

namespace Modular.Cli.Commands;

/// <summary>
/// A label filter value, KEY or KEY=VALUE, as Podman matches it: a key holding <c>*</c>
/// is a glob that may match anywhere in the label's key.
/// </summary>
public static class PsLabels
{
    public static bool Matches(IReadOnlyDictionary<string, string> labels, string filter)
    {
        var eq = filter.IndexOf('=', StringComparison.Ordinal);
        var (key, value) = eq < 0 ? (filter, "") : (filter[..eq], filter[(eq + 1)..]);
        return labels.Any(l => (value.Length == 0 || l.Value == value) && KeyMatches(key, l.Key));
    }

    private static bool KeyMatches(string pattern, string key) =>
        pattern == key || (pattern.Contains('*', StringComparison.Ordinal) && Glob(pattern).IsMatch(key));

    // Go's filepath.Match of "*PATTERN*": '*' never crosses '/', '?' is one character.
    private static Regex Glob(string pattern)
    {
        var body = Regex.Escape(pattern)
            .Replace("\\*", "[^/]*", StringComparison.Ordinal)
            .Replace("\\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^[^/]*{body}[^/]*$", RegexOptions.CultureInvariant);
    }
}
