using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Reads an overlay diff directory as entries: a 0/0 character device is a whiteout, a
/// directory with trusted.overlay.opaque=y is followed by an opaque-directory entry, and
/// a second name of a regular file (same inode, the upper directory is one file system)
/// is a hard link to the first, so a layer keeps the links its files had (070-build
/// "COPY hardlinks").
/// </summary>
internal static class OverlayDiff
{
    public static IEnumerable<LayerEntry> Read(string directory, string relative) =>
        Read(directory, relative, []);

    private static IEnumerable<LayerEntry> Read(
        string directory,
        string relative,
        Dictionary<ulong, string> firstNames)
    {
        foreach (var child in TreeEntryReader.Children(directory))
        {
            var childRelative = TreeEntryReader.Join(relative, Path.GetFileName(child));
            var stat = FileStat.Lstat(child);
            if (stat is null)
            {
                continue;
            }

            if (stat.IsOverlayWhiteout)
            {
                yield return Marker(childRelative, LayerEntryType.Whiteout);
                continue;
            }

            if (stat is { IsRegular: true, Links: > 1 })
            {
                if (firstNames.TryGetValue(stat.Inode, out var first))
                {
                    yield return new LayerEntry(
                        childRelative, LayerEntryType.HardLink, (int)(stat.Mode & 0xFFF),
                        stat.Uid, stat.Gid, stat.ModifiedTime, LinkTarget: first);
                    continue;
                }

                firstNames[stat.Inode] = childRelative;
            }

            yield return TreeEntryReader.Read(child, childRelative, stat);
            if (!stat.IsDirectory)
            {
                continue;
            }

            if (Xattr.IsOpaque(child))
            {
                yield return Marker(childRelative, LayerEntryType.OpaqueDirectory);
            }

            foreach (var entry in Read(child, childRelative, firstNames))
            {
                yield return entry;
            }
        }
    }

    private static LayerEntry Marker(string path, LayerEntryType type) =>
        new(path, type, 0, 0, 0, DateTimeOffset.UnixEpoch);
}
