using Modular.Contracts.Errors;

namespace Modular.Engine.Archive;

/// <summary>Normalises tar names to root-relative paths and refuses ones that climb out.</summary>
internal static class LayerPath
{
    /// <summary>
    /// Strips leading "./" and "/", collapses "//", drops "." components and a trailing "/".
    /// The root itself comes back as the empty string.
    /// </summary>
    /// <param name="name">The name to normalise.</param>
    /// <param name="entryName">The tar entry name, for the error message.</param>
    /// <param name="linkTarget">True when <paramref name="name"/> is a hard link's target, so
    /// the error says the target, not the entry's own name, is at fault.</param>
    public static string Normalize(string name, string entryName, bool linkTarget = false)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                throw new InvalidInputException(
                    $"invalid layer entry {Quoted.Of(entryName)}: "
                    + (linkTarget
                        ? $"hard link target {Quoted.Of(name)} leaves the layer"
                        : "path component \"..\" is not allowed"));
            }

            if (part.Contains('\0'))
            {
                throw new InvalidInputException(
                    $"invalid layer entry {Quoted.Of(entryName)}: NUL in name");
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>Splits a normalised path into its directory and last name.</summary>
    public static (string Directory, string Name) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? (string.Empty, path) : (path[..slash], path[(slash + 1)..]);
    }

    public static string Join(string directory, string name) =>
        directory.Length == 0 ? name : directory + "/" + name;
}
