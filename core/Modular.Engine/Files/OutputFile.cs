using Modular.Contracts.Errors;

namespace Modular.Engine.Files;

/// <summary>
/// A file the user names for output (export -o, save -o). It is written beside its target
/// and renamed into place, so a failure leaves no half file; failures name the user's path,
/// in Go's words (<c>creating file "P": open P: no such file or directory</c>), never the
/// temp file's.
/// </summary>
public static class OutputFile
{
    /// <summary>Fails early, before any work or progress output, when <paramref name="path"/> cannot be created.</summary>
    /// <param name="subject">Podman's lead-in naming the file: <c>creating file "P"</c>.</param>
    public static void EnsureCreatable(string path, string subject)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full) ?? "/";
        var reason = Directory.Exists(full) ? "is a directory"
            : File.Exists(parent) ? "not a directory"
            : !Directory.Exists(parent) ? MissingParentReason(parent)
            : null;
        if (reason is not null)
        {
            throw Failure(path, subject, reason);
        }
    }

    /// <summary>Writes through <paramref name="write"/> to a temp file, then renames it to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(
        string path,
        string subject,
        Func<Stream, Task> write,
        CancellationToken cancellationToken)
    {
        EnsureCreatable(path, subject);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = Open(temp, path, subject))
            {
                await write(file);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> as the whole file, as the small output files of
    /// Podman's flags are written (<c>--digestfile</c>, <c>--pod-id-file</c>): a failure is
    /// Go's <c>open P: REASON</c>, with no lead-in.
    /// </summary>
    public static Task WriteTextAsync(
        string path,
        string text,
        CancellationToken cancellationToken,
        string subject = "") =>
        WriteAsync(
            path,
            subject,
            async stream => await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken),
            cancellationToken);

    /// <summary>Podman's one-line failure for <paramref name="path"/>; an empty subject adds no lead-in.</summary>
    public static InvalidInputException Failure(string path, string subject, string reason) =>
        new(subject.Length == 0 ? $"open {path}: {reason}" : $"{subject}: open {path}: {reason}");

    private static FileStream Open(string temp, string path, string subject)
    {
        try
        {
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException(Failure(path, subject, "permission denied").Message, e);
        }
        catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            throw new InvalidInputException(Failure(path, subject, "no such file or directory").Message, e);
        }
        catch (IOException e)
        {
            // Keep the kernel's reason but show the user's path, not the temp file's.
            throw new InvalidInputException(
                Failure(path, subject, e.Message.Replace(temp, path, StringComparison.Ordinal)).Message, e);
        }
    }

    // A parent that is missing somewhere up the chain behind a file reads "not a directory".
    private static string MissingParentReason(string parent)
    {
        for (var dir = Path.GetDirectoryName(parent); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return "not a directory";
            }

            if (Directory.Exists(dir))
            {
                break;
            }
        }

        return "no such file or directory";
    }
}
