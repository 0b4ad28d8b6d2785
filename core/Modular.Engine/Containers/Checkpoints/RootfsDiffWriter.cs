using System.Formats.Tar;
using Modular.Engine.Containers.Copy;
using Modular.Engine.Containers.Diff;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// Writes what a container added (A) or changed (C) as a tar, read below the mounted layer
/// through the in-root walker, so a symlink the container made never leads outside it.
/// An added directory is written with its tree; a changed directory only through the
/// changed paths below it, so unchanged image files are not copied.
/// </summary>
internal static class RootfsDiffWriter
{
    public static async Task WriteAsync(
        string mountPoint,
        IReadOnlyList<FileChange> changes,
        string target,
        CancellationToken cancellationToken)
    {
        using var root = RootDirectory.Open(mountPoint);
        await using var file = new FileStream(target, FileMode.Create, FileAccess.Write);
        await using var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true);
        var trees = new TreeTarWriter(writer);
        var added = new List<string>();
        foreach (var change in changes.Where(c => c.Kind is 'A' or 'C').OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            if (added.Any(a => change.Path.StartsWith(a + "/", StringComparison.Ordinal))
                || root.Stat(change.Path, followLast: false) is not { } stat)
            {
                continue;
            }

            if (stat.IsDirectory && change.Kind == 'C')
            {
                continue;
            }

            await trees.WriteAsync(root, change.Path, change.Path.TrimStart('/'), cancellationToken);
            if (stat.IsDirectory)
            {
                added.Add(change.Path);
            }
        }
    }
}
