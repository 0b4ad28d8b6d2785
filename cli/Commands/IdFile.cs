using Modular.Contracts.Errors;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>run --cidfile</c> and <c>create --cidfile</c>: the file is opened before the
/// container, so an unwritable path fails with Podman's one line and the store is left
/// unchanged; the ID replaces what the file held once the container exists (Podman 4.4
/// and later truncate an existing file rather than refuse it).
/// </summary>
public sealed class IdFile : IAsyncDisposable
{
    private readonly FileStream? _file;
    private readonly string? _path;
    private readonly bool _existed;
    private bool _written;

    private IdFile(FileStream? file, string? path, bool existed)
    {
        _file = file;
        _path = path;
        _existed = existed;
    }

    /// <summary>The file's absolute path, or null without --cidfile.</summary>
    public string? FullPath => _path is null ? null : Path.GetFullPath(_path);

    /// <summary>Creates <paramref name="path"/>, or does nothing when it is null.</summary>
    public static IdFile Open(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new IdFile(null, null, false);
        }

        try
        {
            var existed = File.Exists(path);
            return new IdFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write), path, existed);
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

        _file.SetLength(0);
        await _file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(id), cancellationToken);
        await _file.FlushAsync(cancellationToken);
        _written = true;
    }

    /// <summary>Closes the file; one this process made for a failed create is removed again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_file is null)
        {
            return;
        }

        await _file.DisposeAsync();
        if (!_written && !_existed)
        {
            File.Delete(_path!);
        }
    }
}
