using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>Turns nodes on disk back into <see cref="LayerEntry"/> values for a diff.</summary>
internal static class TreeEntryReader
{
    /// <summary>Lists a directory's children, sorted so diffs come out in a stable order.</summary>
    public static IEnumerable<string> Children(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal);

    /// <summary>The entry for a node; a regular file's content is opened for reading.</summary>
    public static LayerEntry Read(string hostPath, string relative, FileStat stat)
    {
        var type = stat.Type switch
        {
            FileStat.TypeDirectory => LayerEntryType.Directory,
            FileStat.TypeSymlink => LayerEntryType.Symlink,
            FileStat.TypeChar => LayerEntryType.CharDevice,
            FileStat.TypeBlock => LayerEntryType.BlockDevice,
            FileStat.TypeFifo => LayerEntryType.Fifo,
            _ => LayerEntryType.File,
        };
        var isFile = type == LayerEntryType.File;
        return new LayerEntry(
            relative,
            type,
            (int)(stat.Mode & 0xFFF),
            stat.Uid,
            stat.Gid,
            stat.ModifiedTime,
            type == LayerEntryType.Symlink ? new FileInfo(hostPath).LinkTarget : null,
            stat.RdevMajor,
            stat.RdevMinor,
            isFile ? stat.Size : 0,
            null,
            isFile ? File.OpenRead(hostPath) : null);
    }

    public static string Join(string relative, string name) =>
        relative.Length == 0 ? name : relative + "/" + name;
}
