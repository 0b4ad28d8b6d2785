using System.Formats.Tar;
using System.Runtime.CompilerServices;
using Modular.Contracts.Storage;

namespace Modular.Engine.Tests.Images;

/// <summary>
/// Stands in for the engine's hardened LayerArchiveReader, built elsewhere and a stub in
/// this tree: a minimal tar walk yielding files and directories, enough to drive pulls.
/// </summary>
public static class FakeLayerReader
{
    public static async IAsyncEnumerable<LayerEntry> ReadAsync(
        Stream layer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(layer, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var type = entry.EntryType == TarEntryType.Directory ? LayerEntryType.Directory : LayerEntryType.File;
            yield return new LayerEntry(
                entry.Name.TrimEnd('/'),
                type,
                (int)entry.Mode,
                entry.Uid,
                entry.Gid,
                entry.ModificationTime,
                Size: entry.Length,
                Content: entry.DataStream);
        }
    }
}
