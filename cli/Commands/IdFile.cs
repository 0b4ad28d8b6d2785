using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>run --cidfile</c> and <c>create --cidfile</c>: the file is created exclusively before
/// the container, so a taken or unwritable path fails with Podman's one line and the store
/// is left unchanged; the ID is written once the container exists.
/// </summary>
public sealed class IdFile : IAsyncDisposable
{
    private readonly FileStream? _file;
    private readonly string? _path;
    private bool _written;

    private IdFile(FileStream? file, string? path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>Creates <paramref name="path"/>, or does nothing when it is null.</summary>
    public static IdFile Open(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new IdFile(null, null);
        }

        try
        {
            return new IdFile(new FileStream(path, FileMode.CreateNew, FileAccess.Write), path);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidInputException(
                $"container id file exists. Ensure another container is not using it or delete {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"opening cidfile {path}", e);
        }
    }

    public async Task WriteAsync(string id, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }

        await _file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(id), cancellationToken);
        await _file.FlushAsync(cancellationToken);
        _written = true;
    }

    /// <summary>Closes the file; one left empty by a failed create is removed again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_file is null)
        {
            return;
        }

        await _file.DisposeAsync();
        if (!_written)
        {
            File.Delete(_path!);
        }
    }
}
