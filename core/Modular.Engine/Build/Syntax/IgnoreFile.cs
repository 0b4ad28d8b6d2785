namespace Modular.Engine.Build.Syntax;

/// <summary>
/// Which ignore file a build reads, in buildah's order: an explicit <c>--ignorefile</c>;
/// else next to the first Containerfile, <c>NAME.dockerignore</c> over
/// <c>NAME.containerignore</c>; else <c>.containerignore</c> in the context, then
/// <c>.dockerignore</c>. The caller passes how to test for a file, so this stays pure.
/// </summary>
public static class IgnoreFile
{
    /// <summary>The path to read, or null when the build has no ignore file.</summary>
    public static string? Choose(
        string contextDirectory,
        IReadOnlyList<string> containerfiles,
        string? explicitPath,
        Func<string, bool> fileExists)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        foreach (var file in containerfiles)
        {
            var full = Path.IsPathRooted(file) ? file : Path.Combine(contextDirectory, file);
            if (fileExists(full + ".dockerignore"))
            {
                return full + ".dockerignore";
            }

            if (fileExists(full + ".containerignore"))
            {
                return full + ".containerignore";
            }
        }

        return new[] { ".containerignore", ".dockerignore" }
            .Select(name => Path.Combine(contextDirectory, name))
            .FirstOrDefault(fileExists);
    }
}
