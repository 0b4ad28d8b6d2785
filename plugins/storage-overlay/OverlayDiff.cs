using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Reads an overlay diff directory as entries: a 0/0 character device is a whiteout, a
/// directory with trusted.overlay.opaque=y is followed by an opaque-directory entry.
/// </summary>
internal static class OverlayDiff
{
    public static IEnumerable<LayerEntry> Read(string directory, string relative)
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

            yield return TreeEntryReader.Read(child, childRelative, stat);
            if (!stat.IsDirectory)
            {
                continue;
            }

            if (Xattr.IsOpaque(child))
            {
                yield return Marker(childRelative, LayerEntryType.OpaqueDirectory);
            }

            foreach (var entry in Read(child, childRelative))
            {
                yield return entry;
            }
        }
    }

    private static LayerEntry Marker(string path, LayerEntryType type) =>
        new(path, type, 0, 0, 0, DateTimeOffset.UnixEpoch);
}
