using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// A basic vfs diff: a node is changed when its type, mode, owner, size, mtime or link
/// target differs from the parent's; a parent node missing from the layer is a whiteout.
/// Limitation: hard links come out as separate files, and xattrs are not compared.
/// </summary>
internal static class VfsDiff
{
    public static IEnumerable<LayerEntry> Compare(string layer, string? parent, string relative)
    {
        foreach (var child in TreeEntryReader.Children(layer))
        {
            var name = Path.GetFileName(child);
            var childRelative = TreeEntryReader.Join(relative, name);
            var stat = FileStat.Lstat(child);
            if (stat is null)
            {
                continue;
            }

            var parentPath = parent is null ? null : Path.Combine(parent, name);
            var parentStat = parentPath is null ? null : FileStat.Lstat(parentPath);
            if (parentStat is null || Changed(stat, parentStat, child, parentPath!))
            {
                yield return TreeEntryReader.Read(child, childRelative, stat);
            }

            if (stat.IsDirectory)
            {
                var lower = parentStat is { IsDirectory: true } ? parentPath : null;
                foreach (var entry in Compare(child, lower, childRelative))
                {
                    yield return entry;
                }
            }
        }

        foreach (var removed in Removed(layer, parent, relative))
        {
            yield return removed;
        }
    }

    private static IEnumerable<LayerEntry> Removed(string layer, string? parent, string relative)
    {
        if (parent is null)
        {
            yield break;
        }

        foreach (var child in TreeEntryReader.Children(parent))
        {
            var name = Path.GetFileName(child);
            if (FileStat.Lstat(Path.Combine(layer, name)) is null)
            {
                var path = TreeEntryReader.Join(relative, name);
                yield return new LayerEntry(
                    path, LayerEntryType.Whiteout, 0, 0, 0, DateTimeOffset.UnixEpoch);
            }
        }
    }

    private static bool Changed(FileStat a, FileStat b, string aPath, string bPath) =>
        a.Mode != b.Mode || a.Uid != b.Uid || a.Gid != b.Gid
        || (!a.IsDirectory && (a.Size != b.Size || a.ModifiedTime != b.ModifiedTime))
        || (a.IsSymlink && new FileInfo(aPath).LinkTarget != new FileInfo(bPath).LinkTarget);
}
