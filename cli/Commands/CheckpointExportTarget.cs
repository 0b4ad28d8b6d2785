using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// Checks the --export file can be created before anything is dumped, so a bad path fails
/// in one line naming it (Podman's "creating checkpoint export file" text) and the
/// container keeps running.
/// </summary>
internal static class CheckpointExportTarget
{
    public static void Check(string export)
    {
        var full = Path.GetFullPath(export);
        var parent = Path.GetDirectoryName(full) ?? "/";
        var reason = Directory.Exists(full) ? "is a directory"
            : File.Exists(parent) ? "not a directory"
            : !Directory.Exists(parent) ? "no such file or directory"
            : CanWrite(full) ? null
            : "permission denied";
        if (reason is not null)
        {
            throw new InvalidInputException(
                $"creating checkpoint export file \"{export}\": open {export}: {reason}");
        }
    }

    /// <summary>Opens the file for writing as the export will; removes it again if it was not there.</summary>
    private static bool CanWrite(string path)
    {
        var existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
