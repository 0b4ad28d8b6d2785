namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Reads a .containerignore or .dockerignore: one pattern a line, <c>#</c> comment lines and
/// blank lines skipped, a BOM dropped, surrounding whitespace trimmed; each pattern cleaned
/// like a path with a leading <c>/</c> or <c>./</c> removed, keeping a <c>!</c> prefix.
/// </summary>
public static class IgnorePatterns
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var patterns = new List<string>();
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            if (raw.StartsWith('#'))
            {
                continue;
            }

            var pattern = raw.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            var invert = pattern[0] == '!';
            if (invert)
            {
                pattern = pattern[1..].Trim();
            }

            if (pattern.Length > 0)
            {
                pattern = GoPath.Clean(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            patterns.Add(invert ? "!" + pattern : pattern);
        }

        return patterns;
    }
}
