using System.Text.RegularExpressions;

namespace Modular.Engine.Build;

/// <summary>
/// The context's .containerignore (else .dockerignore): each line a pattern on paths relative
/// to the context, <c>!</c> re-including; the last matching line decides. A path is also
/// excluded when a parent directory is, unless an exception names something below it.
/// </summary>
public sealed class IgnoreRules
{
    private readonly List<(Regex Pattern, bool Exception)> _rules = [];

    public static IgnoreRules None { get; } = new();

    public static IgnoreRules Read(string contextDirectory, string? ignoreFile = null)
    {
        var rules = new IgnoreRules();
        var path = ignoreFile ?? new[] { ".containerignore", ".dockerignore" }
            .Select(n => Path.Combine(contextDirectory, n)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
        {
            return rules;
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exception = line.StartsWith('!');
            var pattern = Clean(exception ? line[1..].Trim() : line);
            if (pattern.Length > 0)
            {
                rules._rules.Add((PathPattern.Compile(pattern), exception));
            }
        }

        return rules;
    }

    public bool HasExceptions => _rules.Exists(r => r.Exception);

    /// <summary>Whether <paramref name="relative"/> (slash-separated, no leading slash) is excluded.</summary>
    public bool Excludes(string relative)
    {
        var excluded = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (Matches(pattern, relative))
            {
                excluded = !exception;
            }
        }

        return excluded;
    }

    /// <summary>A pattern matches a path or any of its parents (as Docker's matcher does).</summary>
    private static bool Matches(Regex pattern, string relative)
    {
        for (var path = relative; path.Length > 0; path = Parent(path))
        {
            if (pattern.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var i and > 0 ? path[..i] : "";

    private static string Clean(string pattern) =>
        string.Join('/', pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != "."));
}
