using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Decides which context paths an ignore file excludes, as moby/patternmatcher does: Go
/// filepath.Match syntax plus <c>**</c> (any number of directories), a pattern matching a
/// parent directory excludes everything below it, <c>!</c> re-includes, and the last
/// matching pattern wins.
/// </summary>
public sealed class IgnoreMatcher
{
    private readonly List<(Regex Pattern, bool Exception)> _patterns = [];
    private readonly List<string> _exceptionTexts = [];

    public IgnoreMatcher(IEnumerable<string> patterns)
    {
        foreach (var raw in patterns)
        {
            var exception = raw.StartsWith('!');
            var text = exception ? raw[1..] : raw;
            if (text.Length == 0)
            {
                continue;
            }

            _patterns.Add((Compile(GoPath.Clean(text)), exception));
            if (exception)
            {
                _exceptionTexts.Add(GoPath.Clean(text));
            }

            HasExceptions |= exception;
        }
    }

    /// <summary>
    /// True when some pattern starts with <c>!</c>: an excluded directory must then still be
    /// walked, because a child of it may be included again.
    /// </summary>
    public bool HasExceptions { get; }

    /// <summary>Whether <paramref name="path"/> (relative to the context, with /) is excluded.</summary>
    public bool IsExcluded(string path)
    {
        path = GoPath.Clean(path.TrimStart('/'));
        var parents = ParentPaths(path);
        var excluded = false;
        foreach (var (pattern, exception) in _patterns)
        {
            // An exclusion cannot change an excluded path, nor an exception an included one.
            if (exception != excluded)
            {
                continue;
            }

            if (pattern.IsMatch(path) || parents.Any(pattern.IsMatch))
            {
                excluded = !exception;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Whether a walk may skip the directory <paramref name="path"/> with all it holds:
    /// it is excluded and no exception could bring a child back.
    /// </summary>
    public bool CanSkipDirectory(string path) => IsExcluded(path) && !MayReinclude(path);

    /// <summary>
    /// Whether an exception pattern may bring back something below the excluded directory
    /// <paramref name="path"/>. As moby's walk (and Buildah's copier), only an exception
    /// whose text starts with "path/" counts: "!*/sub1*" alone does not open "subdir2".
    /// </summary>
    public bool MayReinclude(string path)
    {
        var prefix = GoPath.Clean(path.TrimStart('/')) + "/";
        return _exceptionTexts.Any(e => (e + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    private static List<string> ParentPaths(string path)
    {
        var parts = path.Split('/');
        var parents = new List<string>();
        for (var i = 1; i < parts.Length; i++)
        {
            parents.Add(string.Join('/', parts[..i]));
        }

        return parents;
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            i = AppendElement(regex, pattern, i);
        }

        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline;
        return new Regex(regex.Append('$').ToString(), options);
    }

    /// <summary>Appends the regex of the glob element at <paramref name="i"/>; returns its end.</summary>
    private static int AppendElement(StringBuilder regex, string pattern, int i)
    {
        var ch = pattern[i];
        if (ch == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
        {
            i++;
            if (i + 1 < pattern.Length && pattern[i + 1] == '/')
            {
                i++;
            }

            regex.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
            return i;
        }

        switch (ch)
        {
            case '*':
                regex.Append("[^/]*");
                return i;
            case '?':
                regex.Append("[^/]");
                return i;
            case '\\':
                regex.Append(i + 1 < pattern.Length ? Regex.Escape(pattern[++i].ToString()) : @"\\");
                return i;
            case '[':
                regex.Append(i + 1 < pattern.Length && pattern[i + 1] == '!' ? "[^" : "[");
                return i + 1 < pattern.Length && pattern[i + 1] == '!' ? i + 1 : i;
            case ']':
                regex.Append(']');
                return i;
            default:
                regex.Append(Regex.Escape(ch.ToString()));
                return i;
        }
    }
}
