using System.Formats.Tar;

namespace Modular.TestImages;

/// <summary>The outer tar of docker-archive and oci-archive files: plain files and dirs.</summary>
internal sealed class ArchiveTar : IAsyncDisposable
{
    private static readonly DateTimeOffset FixedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FileStream _file;
    private readonly TarWriter _writer;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public ArchiveTar(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write);
        _writer = new TarWriter(_file, TarEntryFormat.Gnu, leaveOpen: true);
    }

    public async Task AddDirectoryAsync(string name, CancellationToken cancellationToken)
    {
        var entry = new GnuTarEntry(TarEntryType.Directory, name)
        {
            Mode = (UnixFileMode)0b111_101_101,
            ModificationTime = FixedTime,
            AccessTime = FixedTime,
            ChangeTime = FixedTime,
        };
        await _writer.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>Adds a file once; blobs shared by two images are stored a single time.</summary>
    public async Task AddFileAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        if (!_written.Add(name))
        {
            return;
        }

        var entry = new GnuTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)0b110_100_100,
            ModificationTime = FixedTime,
            AccessTime = FixedTime,
            ChangeTime = FixedTime,
            DataStream = new MemoryStream(content, writable: false),
        };
        await _writer.WriteEntryAsync(entry, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
