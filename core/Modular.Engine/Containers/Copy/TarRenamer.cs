using System.Formats.Tar;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// Rewrites a tar whose entries all sit below one top entry so that top takes another name:
/// a container sends "SRC" and its contents, the copy lands as the destination's name.
/// </summary>
internal static class TarRenamer
{
    public static async Task RenameTopAsync(
        Stream tar,
        string topName,
        Stream output,
        CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        string? top = null;
        // copyData: the writer needs each entry's data seekable, for its length, and the
        // service's stream is not; one entry at a time is held in memory.
        while (await reader.GetNextEntryAsync(copyData: true, cancellationToken) is { } entry)
        {
            var name = RootDirectory.Clean(entry.Name);
            if (name.Length == 0 || entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            top ??= name.Split('/')[0];
            entry.Name = Renamed(name, top, topName);
            if (entry.EntryType is TarEntryType.HardLink)
            {
                // A hard link names another entry of the same tar, which moved too.
                entry.LinkName = Renamed(RootDirectory.Clean(entry.LinkName), top, topName);
            }

            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }

    private static string Renamed(string name, string top, string topName) =>
        name == top ? topName
        : name.StartsWith(top + "/", StringComparison.Ordinal) ? topName + name[top.Length..]
        : name;
}
