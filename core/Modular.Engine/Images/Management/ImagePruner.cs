namespace Modular.Engine.Images.Management;

/// <summary>
/// <c>image prune</c>: removes images no container uses that match the filters (dangling
/// ones unless -a), again and again until nothing more goes, since removing an image can
/// leave its parent dangling, as Podman's prune converges. Returns the ids removed.
/// </summary>
public sealed class ImagePruner(IImageService images, ImageStore store, IImageUsage usage) : IImagePruner
{
    public async Task<IReadOnlyList<string>> PruneAsync(ImagePruneOptions options, CancellationToken cancellationToken)
    {
        // Blobs that killed pulls left behind are not images, but prune is where users
        // expect unused image data to go.
        new PullBlobCache(store).Sweep(keepComplete: null);
        var removed = new List<string>();
        while (true)
        {
            var state = await store.ReadAsync(cancellationToken);
            var lineage = await ImageLineage.ReadAsync(store, state, cancellationToken);
            var doomed = new List<string>();
            foreach (var image in state.Images)
            {
                if (await MatchesAsync(image, lineage, options, cancellationToken))
                {
                    doomed.Add(image.Id);
                }
            }

            if (doomed.Count == 0)
            {
                return removed;
            }

            foreach (var id in doomed)
            {
                await images.RemoveAsync(id, force: false, cancellationToken);
                removed.Add(id);
            }
        }
    }

    private async Task<bool> MatchesAsync(
        ImageRecord image,
        ImageLineage lineage,
        ImagePruneOptions options,
        CancellationToken cancellationToken)
    {
        var dangling = options.Dangling ?? (options.All ? null : true);
        if (dangling is { } wanted && lineage.IsDangling(image) != wanted)
        {
            return false;
        }

        if (options.Until is { } until && image.Created >= until)
        {
            return false;
        }

        if (options.Labels is { Count: > 0 } labels && !await LabelsMatchAsync(image, labels, cancellationToken))
        {
            return false;
        }

        return (await usage.ContainersUsingAsync(image.Id, cancellationToken)).Count == 0;
    }

    private async Task<bool> LabelsMatchAsync(
        ImageRecord image,
        IReadOnlyList<(string Filter, bool Negated)> filters,
        CancellationToken cancellationToken)
    {
        var labels = (await images.ResolveAsync(image.Id, cancellationToken)).Config.Labels;
        return filters.All(f => Matches(f.Filter, labels) != f.Negated);
    }

    private static bool Matches(string filter, IReadOnlyDictionary<string, string> labels)
    {
        var at = filter.IndexOf('=');
        var key = at < 0 ? filter : filter[..at];
        var value = at < 0 ? "" : filter[(at + 1)..];
        return labels.Any(l => (value.Length == 0 || l.Value == value) && l.Key == key);
    }
}
