using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Modular.Tests.Archive;

/// <summary>Builds small layer tars in memory, in PAX format, the way image builders do.</summary>
public sealed class TestTar
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1700000000);
    private readonly List<TarEntry> _entries = [];

    public TestTar Dir(string name, int mode = 0b111_101_101)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name)
        {
            Mode = (UnixFileMode)mode,
            ModificationTime = Time,
        });
        return this;
    }

    public TestTar File(string name, string content, int mode = 0b110_100_100, int uid = 0)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)mode,
            Uid = uid,
            ModificationTime = Time,
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });
        return this;
    }

    public TestTar Symlink(string name, string target) =>
        Link(TarEntryType.SymbolicLink, name, target);

    public TestTar HardLink(string name, string target) =>
        Link(TarEntryType.HardLink, name, target);

    public TestTar Whiteout(string directory, string name) =>
        File(directory.Length == 0 ? ".wh." + name : directory + "/.wh." + name, string.Empty);

    public TestTar Opaque(string directory) => File(directory + "/.wh..wh..opq", string.Empty);

    public TestTar Entry(TarEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    public MemoryStream ToStream(bool gzip = false)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin);
                writer.WriteEntry(entry);
            }
        }

        tar.Position = 0;
        return gzip ? Compress(tar) : tar;
    }

    private static MemoryStream Compress(MemoryStream tar)
    {
        var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            tar.CopyTo(gz);
        }

        compressed.Position = 0;
        return compressed;
    }

    private TestTar Link(TarEntryType type, string name, string target)
    {
        _entries.Add(new PaxTarEntry(type, name)
        {
            Mode = (UnixFileMode)0b111_111_111,
            ModificationTime = Time,
            LinkName = target,
        });
        return this;
    }
}
