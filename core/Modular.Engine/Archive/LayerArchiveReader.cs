using Modular.Contracts.Storage;

namespace Modular.Engine.Archive;

/// <summary>
/// The engine's hardened tar reader: turns a layer blob (plain or gzip tar) into validated
/// <see cref="LayerEntry"/> values for a storage driver. Skeleton signature; the storage
/// work fills it in.
/// </summary>
public static class LayerArchiveReader
{
    /// <summary>
    /// Reads entries in order. Refuses, with <see cref="Contracts.Errors.InvalidInputException"/>,
    /// a name with a <c>..</c> component, a hard link whose target leaves the root, and a
    /// path that appears twice. Whiteouts come out as <see cref="LayerEntryType.Whiteout"/>
    /// and <see cref="LayerEntryType.OpaqueDirectory"/> entries.
    /// </summary>
    public static IAsyncEnumerable<LayerEntry> ReadAsync(Stream layer, CancellationToken cancellationToken) =>
        throw new NotImplementedException("filled in by the storage work");
}
