using Modular.Contracts.Errors;
using Modular.Engine.Configuration;

namespace Modular.Engine.Images;

/// <summary>
/// The additional image stores of storage.conf (<c>additionalimagestores</c>): other graph
/// roots, each laid out like ours, whose images are listed after ours, marked read-only,
/// and usable by containers. Only read: nothing here takes their lock or writes to them,
/// so rmi, untag and prune of this store never touch them.
/// </summary>
public sealed class ReadOnlyImageStores(EngineOptions options)
{
    private readonly IReadOnlyList<ImageStore> _stores =
        [.. options.AdditionalImageStores.Select(root => new ImageStore(options with { GraphRoot = root }))];

    /// <summary>The stores in configuration order.</summary>
    public IReadOnlyList<ImageStore> Stores => _stores;

    /// <summary>
    /// The first read-only store that knows <paramref name="nameOrId"/>, its snapshot and the
    /// record, or null when none does.
    /// </summary>
    public async Task<FoundImage?> FindAsync(
        string nameOrId,
        IReadOnlyList<string> searchRegistries,
        CancellationToken cancellationToken)
    {
        foreach (var store in _stores)
        {
            var state = await store.ReadAsync(cancellationToken);
            try
            {
                return new FoundImage(store, state, ImageLookup.Find(state, nameOrId, searchRegistries));
            }
            catch (NotFoundException)
            {
                // Not in this one; the next store, then the caller's own error.
            }
        }

        return null;
    }

    /// <summary>True when a read-only store holds a complete layer with this id.</summary>
    public async Task<bool> HasLayerAsync(string layerId, CancellationToken cancellationToken)
    {
        foreach (var store in _stores)
        {
            var state = await store.ReadAsync(cancellationToken);
            if (state.FindLayer(layerId) is { Incomplete: false })
            {
                return true;
            }
        }

        return false;
    }
}
