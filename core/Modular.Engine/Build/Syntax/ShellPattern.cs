using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Shell patterns of <c>${VAR#pat}</c>, <c>${VAR%pat}</c> and <c>${VAR/pat/repl}</c>:
/// <c>*</c> (any run, slashes included), <c>?</c> (one character), the rest literal.
/// </summary>
internal static class ShellPattern
{
    /// <summary>
    /// Removes the shortest (<c>#</c>, <c>%</c>) or, when the word repeats the operator
    /// (<c>##</c>, <c>%%</c>), the longest match of the pattern from the start or end.
    /// </summary>
    public static string Trim(string value, string word, bool prefix)
    {
        var op = prefix ? '#' : '%';
        var longest = word.Length > 0 && word[0] == op;
        var regex = ToRegex(longest ? word[1..] : word);
        var lengths = Enumerable.Range(0, value.Length + 1);
        foreach (var length in longest ? lengths.Reverse() : lengths)
        {
            var part = prefix ? value[..length] : value[(value.Length - length)..];
            if (regex.IsMatch(part))
            {
                return prefix ? value[length..] : value[..(value.Length - length)];
            }
        }

        return value;
    }

    public static string Replace(string value, string pattern, string replacement, bool all)
    {
        if (pattern.Length == 0)
        {
            return value;
        }

        // Longest match at the leftmost position, as a shell replaces.
        var regex = new Regex(Body(pattern), RegexOptions.CultureInvariant);
        return all
            ? regex.Replace(value, _ => replacement)
            : regex.Replace(value, _ => replacement, 1);
    }

    private static Regex ToRegex(string pattern) =>
        new("^" + Body(pattern) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static string Body(string pattern)
    {
        var body = new StringBuilder();
        foreach (var ch in pattern)
        {
            body.Append(ch switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(ch.ToString()),
            });
        }

        return body.ToString();
    }
}
