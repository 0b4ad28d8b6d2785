using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Our store first, then each read-only store in order, as containers/storage looks an
    /// image up; when none knows it, our store's own error stands.
    /// </summary>
    private async Task<FoundImage> FindAnywhereAsync(
        string nameOrId,
        CancellationToken cancellationToken)
    {
        var state = await store.ReadAsync(cancellationToken);
        try
        {
            return new FoundImage(store, state, Find(state, nameOrId));
        }
        catch (NotFoundException) when (readOnlyStores.Stores.Count > 0)
        {
            var search = Registries().UnqualifiedSearchRegistries;
            var found = await readOnlyStores.FindAsync(nameOrId, search, cancellationToken);
            if (found is null)
            {
                throw;
            }

            return found;
        }
    }

    /// <summary>Every read-only store's images after ours, each store newest first.</summary>
    private async Task<List<LocalImage>> ListReadOnlyAsync(
        bool all,
        CancellationToken cancellationToken)
    {
        var images = new List<LocalImage>();
        foreach (var from in readOnlyStores.Stores)
        {
            var state = await from.ReadAsync(cancellationToken);
            var lineage = all ? null : await ImageLineage.ReadAsync(from, state, cancellationToken);
            foreach (var record in state.Images.OrderByDescending(i => i.Created))
            {
                if (lineage?.IsIntermediate(record) != true)
                {
                    images.Add(await ToLocalAsync(record, from, cancellationToken));
                    var users = await usage.ContainersUsingAsync(record.Id, cancellationToken);
                    _containerCounts[record.Id] = users.Count;
                }
            }
        }

        return images;
    }

    /// <summary>
    /// The image in our store, for a change; one found only in a read-only store is refused
    /// in Podman's words (exit 125), since nothing of those stores is ever written.
    /// </summary>
    private async Task<ImageRecord> FindWritableAsync(
        StoreState state,
        string nameOrId,
        CancellationToken cancellationToken)
    {
        try
        {
            return Find(state, nameOrId);
        }
        catch (NotFoundException) when (readOnlyStores.Stores.Count > 0)
        {
            var search = Registries().UnqualifiedSearchRegistries;
            var found = await readOnlyStores.FindAsync(nameOrId, search, cancellationToken);
            if (found is null)
            {
                throw;
            }

            throw new InvalidInputException($"cannot remove read-only image \"{found.Record.Id}\"");
        }
    }
}
