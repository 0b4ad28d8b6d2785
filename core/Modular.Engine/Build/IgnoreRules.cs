using Modular.Engine.Build.Syntax;

namespace Modular.Engine.Build;

/// <summary>
/// The build context's ignore file, chosen and matched by the language's
/// <see cref="IgnoreFile"/> and <see cref="IgnoreMatcher"/> (moby's patternmatcher rules:
/// Go filepath.Match, <c>**</c>, <c>!</c> exceptions, last match wins).
/// </summary>
public sealed class IgnoreRules
{
    private readonly IgnoreMatcher? _matcher;

    private IgnoreRules(IgnoreMatcher? matcher) => _matcher = matcher;

    public static IgnoreRules None { get; } = new(null);

    /// <summary>
    /// Reads the ignore file for <paramref name="containerfiles"/> (or
    /// <paramref name="ignoreFile"/>).
    /// </summary>
    public static IgnoreRules Read(
        string contextDirectory,
        IReadOnlyList<string>? containerfiles = null,
        string? ignoreFile = null)
    {
        var path = IgnoreFile.Choose(
            contextDirectory, containerfiles ?? [], ignoreFile, File.Exists);
        return path is null || !File.Exists(path)
            ? None
            : new IgnoreRules(new IgnoreMatcher(IgnorePatterns.Parse(File.ReadAllText(path))));
    }

    public bool HasExceptions => _matcher?.HasExceptions ?? false;

    /// <summary>Whether a walk must enter the excluded directory.</summary>
    public bool MayReinclude(string relative) => _matcher?.MayReinclude(relative) ?? false;

    /// <summary>Whether <paramref name="relative"/> (no leading slash) is excluded.</summary>
    public bool Excludes(string relative) => _matcher?.IsExcluded(relative) ?? false;
}
