using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Security;

/// <summary>
/// The <c>unmask=</c> values as Podman reads them: ALL (any case) unmasks every default
/// path, and each colon-separated entry is a shell pattern in Go's filepath.Match syntax
/// (<c>*</c> and <c>?</c> stop at a slash, <c>[...]</c> classes), so <c>/proc/*</c> unmasks
/// every default path directly under /proc.
/// </summary>
public sealed class UnmaskPatterns
{
    private readonly bool _all;
    private readonly Regex[] _patterns;

    public UnmaskPatterns(IEnumerable<string> unmask)
    {
        var entries = unmask.SelectMany(u => u.Split(':', StringSplitOptions.RemoveEmptyEntries)).ToList();
        _all = entries.Any(e => e.Equals("all", StringComparison.OrdinalIgnoreCase));
        _patterns = entries.Select(ToRegex).ToArray();
    }

    /// <summary>True when the default masked or read-only <paramref name="path"/> stays.</summary>
    public bool KeepsMasked(string path) => !_all && !_patterns.Any(p => p.IsMatch(path));

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    i = AppendClass(pattern, i, regex);
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    // A class runs to its closing bracket; Go negates it with ^, and so does .NET. An
    // unclosed bracket matches nothing, as Go's ErrBadPattern leaves the path masked.
    private static int AppendClass(string pattern, int start, StringBuilder regex)
    {
        var end = pattern.IndexOf(']', start + 1);
        if (end < 0)
        {
            regex.Append("(?!)");
            return pattern.Length;
        }

        var body = pattern[(start + 1)..end].Replace("\\", "\\\\", StringComparison.Ordinal);
        regex.Append('[').Append(body).Append(']');
        return end;
    }
}
