using Modular.Contracts.Plugins;

namespace Modular.Contracts.Storage;

/// <summary>
/// Owns layer directories and nothing else. The engine owns the tar reader, digests and
/// image and layer metadata, and calls the driver under the layer-store lock, so a driver
/// need not lock. Every path a driver writes must resolve inside the layer being written,
/// as if chrooted at the root of the layer's full view (its parents included): a symlink
/// met while resolving a parent directory is followed inside that root, never on the host.
/// An entry that cannot be placed that way is refused with
/// <see cref="Errors.InvalidInputException"/>, and the engine then removes the layer.
/// </summary>
public interface IStorageDriver
{
    /// <summary>The short id, as in storage.conf <c>driver</c>: <c>overlay</c>, <c>vfs</c>.</summary>
    string Id { get; }

    /// <summary>Prepares the driver's home (<c>graphroot/&lt;id&gt;</c>) and checks the kernel.</summary>
    /// <exception cref="Errors.CapabilityMissingException">The host cannot run this driver.</exception>
    Task InitializeAsync(StorageDriverOptions options, CancellationToken cancellationToken);

    /// <summary>Creates an empty layer (or a copy-up of <paramref name="parentId"/>'s view).</summary>
    Task CreateLayerAsync(string id, string? parentId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies entries, already validated by the engine (relative, normalised, no <c>..</c>,
    /// no duplicates), to the layer, writing whiteouts in the driver's own form.
    /// Returns the number of bytes written.
    /// </summary>
    Task<long> ApplyAsync(
        string id,
        IAsyncEnumerable<LayerEntry> entries,
        CancellationToken cancellationToken);

    /// <summary>Mounts the layer's full view and returns the path of its root.</summary>
    Task<string> MountAsync(string id, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="MountAsync"/>; a layer that is not mounted is fine.</summary>
    Task UnmountAsync(string id, CancellationToken cancellationToken);

    /// <summary>The changes of the layer against its parent, as entries (whiteouts included).</summary>
    IAsyncEnumerable<LayerEntry> DiffAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes the layer's directories; unmounts first. A missing layer is fine.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Key/value facts for <c>modpod info</c> (<c>.Store.GraphStatus</c>).</summary>
    IReadOnlyDictionary<string, string> Status { get; }
}

/// <summary>Where the driver lives and what storage.conf said to it.</summary>
/// <param name="Home">The driver's own directory, <c>graphroot/&lt;id&gt;</c>.</param>
/// <param name="RunHome">Its directory under runroot, for mount bookkeeping.</param>
/// <param name="Options">storage.conf <c>[storage.options.&lt;id&gt;]</c> keys.</param>
/// <param name="UidMap">UID mappings for layers; empty until rootless mode.</param>
/// <param name="GidMap">GID mappings; empty until rootless mode.</param>
/// <param name="ReadOnlyHomes">
/// The same driver's homes in additional image stores (storage.conf
/// <c>additionalimagestores</c>), searched after <paramref name="Home"/> for a parent or lower
/// layer. A driver only reads there: it never creates, mounts or removes a layer in them.
/// Null or empty when there are none. Added for Issue #9.
/// </param>
public sealed record StorageDriverOptions(
    string Home,
    string RunHome,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<IdMapping> UidMap,
    IReadOnlyList<IdMapping> GidMap,
    IReadOnlyList<string>? ReadOnlyHomes = null);
