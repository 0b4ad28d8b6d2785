using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// Files build reads or writes outside its context, checked before any step runs so a bad
/// path fails in one line naming it, in Go's words, and nothing is committed.
/// </summary>
internal static class BuildPathChecks
{
    /// <summary>A --build-arg-file must be a readable file (buildah reads it with os.ReadFile).</summary>
    public static void CheckArgFile(string path)
    {
        var reason = Directory.Exists(path) ? "is a directory"
            : !File.Exists(path) ? "no such file or directory"
            : null;
        if (reason is not null)
        {
            throw new InvalidInputException(
                reason == "is a directory" ? $"read {path}: is a directory" : $"open {path}: {reason}");
        }
    }

    /// <summary>The --iidfile's directory must exist and the file must not be a directory.</summary>
    public static void CheckIidFile(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full) ?? "/";
        var reason = Directory.Exists(full) ? "is a directory"
            : File.Exists(parent) ? "not a directory"
            : !Directory.Exists(parent) ? "no such file or directory"
            : null;
        if (reason is not null)
        {
            throw new InvalidInputException(
                $"failed to write image ID to file \"{path}\": open {path}: {reason}");
        }
    }
}
