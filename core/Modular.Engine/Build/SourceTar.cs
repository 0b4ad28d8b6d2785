using System.Formats.Tar;
using System.Security.Cryptography;

namespace Modular.Engine.Build;

/// <summary>
/// The files a COPY or ADD takes, written as one tar in a temporary file: entry names are
/// where they land below the destination, modes come from <c>--chmod</c> when given. The
/// digest covers names, modes, link targets and contents but no times, so a changed file of
/// the same size and mtime changes it and a touched one does not (BLD-06).
/// </summary>
public sealed class SourceTar : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly TarWriter _writer;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly UnixFileMode? _mode;

    // Regular files already written, by (device, inode): a second name of one becomes a
    // hard link entry, so COPY keeps the context's hard links as Buildah does.
    private readonly Dictionary<(ulong, ulong), string> _written = [];

    public SourceTar(string directory, UnixFileMode? mode)
    {
        Directory.CreateDirectory(directory);
        _file = new FileStream(
            Path.Combine(directory, $"build-src-{Guid.NewGuid():N}.tar"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.DeleteOnClose);
        _writer = new TarWriter(_file, TarEntryFormat.Pax, leaveOpen: true);
        _mode = mode;
    }

    public int Count { get; private set; }

    /// <summary>sha256 of what was added, for the layer cache.</summary>
    public string Digest() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Adds a host file, directory (not its children) or symlink as <paramref name="name"/>.</summary>
    public async Task AddAsync(string hostPath, string name, CancellationToken cancellationToken)
    {
        var info = new FileInfo(hostPath);
        var isLink = info.LinkTarget is not null;
        var isDirectory = !isLink && Directory.Exists(hostPath);
        var type = isLink ? TarEntryType.SymbolicLink : isDirectory ? TarEntryType.Directory : TarEntryType.RegularFile;
        var mode = _mode ?? info.UnixFileMode;
        var entry = new PaxTarEntry(type, isDirectory ? name.TrimEnd('/') + "/" : name)
        {
            Mode = mode,
            ModificationTime = info.LastWriteTimeUtc,
        };
        Hash($"{type}\0{entry.Name}\0{(int)mode}\0{info.LinkTarget}\0");
        if (isLink)
        {
            entry.LinkName = info.LinkTarget!;
        }

        Count++;
        if (type != TarEntryType.RegularFile)
        {
            await _writer.WriteEntryAsync(entry, cancellationToken);
            return;
        }

        if (Containers.Export.FileIdentity.Of(hostPath) is { } identity)
        {
            if (_written.TryGetValue(identity, out var first))
            {
                Hash($"link\0{first}\0");
                await _writer.WriteEntryAsync(
                    new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = first, Mode = mode },
                    cancellationToken);
                return;
            }

            _written[identity] = name;
        }

        await using var data = new FileStream(hostPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        _hash.AppendData(await SHA256.HashDataAsync(data, cancellationToken));
        data.Position = 0;
        entry.DataStream = data;
        await _writer.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>Adds a file with the given content (a heredoc).</summary>
    public async Task AddTextAsync(string name, string content, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        var mode = _mode ?? (UnixFileMode)0x1a4;
        Hash($"text\0{name}\0{(int)mode}\0");
        _hash.AppendData(bytes);
        Count++;
        await _writer.WriteEntryAsync(
            new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = mode,
                ModificationTime = DateTimeOffset.UtcNow,
                DataStream = new MemoryStream(bytes),
            },
            cancellationToken);
    }

    /// <summary>Ends the tar and returns it from the start, for extraction.</summary>
    public async Task<Stream> FinishAsync()
    {
        await _writer.DisposeAsync();
        _file.Position = 0;
        return _file;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
        _hash.Dispose();
    }

    private void Hash(string text) => _hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
}
