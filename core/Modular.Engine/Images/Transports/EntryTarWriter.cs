using System.Formats.Tar;
using Modular.Contracts.Storage;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// Writes a driver's layer diff as a PAX tar in the layer form images use: deletions as
/// <c>.wh.NAME</c>, opaque directories as <c>DIR/.wh..wh..opq</c>.
/// </summary>
internal static class EntryTarWriter
{
    private const string XattrPrefix = "SCHILY.xattr.";

    public static async Task WriteAsync(
        IAsyncEnumerable<LayerEntry> entries,
        Stream output,
        CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            foreach (var tar in ToTar(entry))
            {
                await writer.WriteEntryAsync(tar, cancellationToken);
            }
        }
    }

    private static IEnumerable<PaxTarEntry> ToTar(LayerEntry entry)
    {
        var (directory, name) = Split(entry.Path);
        switch (entry.Type)
        {
            case LayerEntryType.Whiteout:
                yield return Marker(Join(directory, ".wh." + name), entry.ModifiedTime);
                break;
            case LayerEntryType.OpaqueDirectory:
                yield return Marker(Join(entry.Path, ".wh..wh..opq"), entry.ModifiedTime);
                break;
            default:
                yield return Regular(entry);
                break;
        }
    }

    private static PaxTarEntry Marker(string path, DateTimeOffset time) =>
        new(TarEntryType.RegularFile, path) { ModificationTime = time, Mode = (UnixFileMode)0x1a4 };

    private static PaxTarEntry Regular(LayerEntry entry)
    {
        var type = entry.Type switch
        {
            LayerEntryType.Directory => TarEntryType.Directory,
            LayerEntryType.Symlink => TarEntryType.SymbolicLink,
            LayerEntryType.HardLink => TarEntryType.HardLink,
            LayerEntryType.CharDevice => TarEntryType.CharacterDevice,
            LayerEntryType.BlockDevice => TarEntryType.BlockDevice,
            LayerEntryType.Fifo => TarEntryType.Fifo,
            _ => TarEntryType.RegularFile,
        };
        var xattrs = entry.Xattrs?.ToDictionary(
            x => XattrPrefix + x.Key,
            x => System.Text.Encoding.UTF8.GetString(x.Value)) ?? [];
        var name = type == TarEntryType.Directory ? entry.Path + "/" : entry.Path;
        var tar = new PaxTarEntry(type, name, xattrs)
        {
            Mode = (UnixFileMode)(entry.Mode & 0xfff),
            Uid = entry.Uid,
            Gid = entry.Gid,
            ModificationTime = entry.ModifiedTime,
        };

        // TarEntry refuses a link name on other entry types, device numbers on
        // non-devices and data on non-files, even empty ones; set each only where the type carries it.
        if (type == TarEntryType.RegularFile)
        {
            tar.DataStream = entry.Content;
        }

        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            tar.LinkName = entry.LinkTarget ?? "";
        }

        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            tar.DeviceMajor = entry.DeviceMajor;
            tar.DeviceMinor = entry.DeviceMinor;
        }

        return tar;
    }

    private static (string Directory, string Name) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? ("", path) : (path[..slash], path[(slash + 1)..]);
    }

    private static string Join(string directory, string name) =>
        directory.Length == 0 ? name : $"{directory}/{name}";
}
