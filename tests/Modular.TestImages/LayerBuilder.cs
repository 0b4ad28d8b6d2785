using System.Formats.Tar;
using System.IO.Compression;

namespace Modular.TestImages;

/// <summary>Writes layer tars entry by entry with the BCL tar writer (GNU format: unlike PAX, its
/// headers carry no process ID, so layer digests are stable across runs).</summary>
public static class LayerBuilder
{
    // A fixed time keeps layer digests stable from one build to the next.
    private static readonly DateTimeOffset FixedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode DirMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;
    private const UnixFileMode LinkMode = (UnixFileMode)0b111_111_111;

    public static Layer Build(IEnumerable<LayerEntry> entries)
    {
        var tar = WriteTar(entries);
        var gzip = Compress(tar);
        return new Layer(tar, Digests.Sha256(tar), gzip, Digests.Sha256(gzip));
    }

    private static byte[] WriteTar(IEnumerable<LayerEntry> entries)
    {
        using var buffer = new MemoryStream();
        var written = 0;
        using (var writer = new TarWriter(buffer, TarEntryFormat.Gnu, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(ToTarEntry(entry));
                written++;
            }
        }

        // TarWriter writes no end blocks when it wrote no entry; Go's writer (buildah) does,
        // so a layer without files is the two zero blocks, 1024 bytes.
        return written == 0 ? new byte[1024] : buffer.ToArray();
    }

    private static GnuTarEntry ToTarEntry(LayerEntry entry)
    {
        var (type, mode) = entry.Kind switch
        {
            LayerEntryKind.Directory => (TarEntryType.Directory, DirMode),
            LayerEntryKind.File => (TarEntryType.RegularFile, FileMode),
            LayerEntryKind.Symlink => (TarEntryType.SymbolicLink, LinkMode),
            _ => (TarEntryType.HardLink, FileMode),
        };
        var tarEntry = new GnuTarEntry(type, entry.Name)
        {
            Mode = entry.Mode ?? mode,
            Uid = 0,
            Gid = 0,
            ModificationTime = entry.ModificationTime ?? FixedTime,
            AccessTime = FixedTime,
            ChangeTime = FixedTime,
        };
        if (entry.LinkTarget is not null)
        {
            tarEntry.LinkName = entry.LinkTarget;
        }

        if (entry.Content is not null)
        {
            tarEntry.DataStream = new MemoryStream(entry.Content, writable: false);
        }

        return tarEntry;
    }

    private static byte[] Compress(byte[] tar)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return buffer.ToArray();
    }
}
