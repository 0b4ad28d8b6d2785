using System.Collections.Concurrent;
using Modular.Engine.Configuration;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// The image store as users see it. Reads work from a lock-free snapshot and never load
/// the storage driver; changes take the store lock and leave the store as before on failure.
/// </summary>
public sealed partial class ImageService(
    EngineOptions options,
    ImageStore store,
    ImagePuller puller,
    ImageArchiveLoader loader,
    StorageDriverAccess drivers,
    ImageWriter writer,
    IImageUsage usage,
    ImageEvents events,
    ReadOnlyImageStores readOnlyStores) : IImageService
{
    // Filled by ListAsync so the synchronous Summarize can report Containers.
    private readonly ConcurrentDictionary<string, int> _containerCounts = new();

    public async Task<LocalImage> PullAsync(
        string reference,
        PullOptions options,
        CancellationToken cancellationToken)
    {
        ImageRecord record;
        try
        {
            record = await puller.PullAsync(reference, options, cancellationToken);
        }
        catch (Exception e) when (ImageErrors.ShouldWrap(e))
        {
            var error = ImageErrors.ForPull(reference, e);
            await events.PullErrorAsync(reference, error.Message, CancellationToken.None);
            throw error;
        }

        await events.AppendAsync("pull", record.Id, reference, cancellationToken);
        return await ToLocalAsync(record, store, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LoadAsync(
        string archivePath,
        CancellationToken cancellationToken)
    {
        try
        {
            return await loader.LoadAsync(archivePath, cancellationToken);
        }
        catch (Exception e) when (ImageErrors.ShouldWrap(e))
        {
            throw ImageErrors.ForLoad(archivePath, e);
        }
    }

    public async Task<LocalImage> ResolveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var found = await FindAnywhereAsync(nameOrId, cancellationToken);
        return await ToLocalAsync(found.Record, found.Store, cancellationToken);
    }

    public async Task<IReadOnlyList<LocalImage>> ListAsync(
        bool all,
        CancellationToken cancellationToken)
    {
        // A pull killed mid-layer leaves that layer flagged; listing is where a user first
        // looks, so the store is repaired here (the check is lock-free when nothing is left).
        await writer.RecoverAsync(cancellationToken);

        // Build's intermediate images (untagged, with a child) show only with -a, as in Podman.
        var state = await store.ReadAsync(cancellationToken);
        var lineage = all ? null : await ImageLineage.ReadAsync(store, state, cancellationToken);
        var images = new List<LocalImage>();
        foreach (var record in state.Images.OrderByDescending(i => i.Created))
        {
            if (lineage?.IsIntermediate(record) == true)
            {
                continue;
            }

            images.Add(await ToLocalAsync(record, store, cancellationToken));
            var users = await usage.ContainersUsingAsync(record.Id, cancellationToken);
            _containerCounts[record.Id] = users.Count;
        }

        images.AddRange(await ListReadOnlyAsync(all, cancellationToken));
        return images;
    }

    private ImageRecord Find(StoreState state, string nameOrId) =>
        ImageLookup.Find(state, nameOrId, Registries().UnqualifiedSearchRegistries);

    private RegistriesConfig Registries() => RegistriesConfig.Load(options.RegistriesConfPath);

    private async Task<byte[]> ReadConfigAsync(
        ImageStore from,
        string imageId,
        CancellationToken cancellationToken)
    {
        // A manifest list (manifest create) is an image record with no config of its own.
        var path = Path.Combine(from.ImageDirectory(imageId), "config.json");
        return File.Exists(path) || !IsList(from, imageId)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : "{}"u8.ToArray();
    }

    private static bool IsList(ImageStore from, string imageId) =>
        File.Exists(Path.Combine(from.ImageDirectory(imageId), "instances.json"));

    /// <param name="from">The store holding it: ours, or a read-only one.</param>
    private async Task<LocalImage> ToLocalAsync(
        ImageRecord record,
        ImageStore from,
        CancellationToken cancellationToken)
    {
        var config = ImageConfigDocument.Parse(await ReadConfigAsync(from, record.Id, cancellationToken));
        return new LocalImage(
            record.Id,
            record.Names,
            record.Digest,
            RepoDigests(record),
            record.Created,
            record.Size,
            record.TopLayer,
            config.DiffIds,
            config.Config,
            config.Os,
            config.Architecture,
            record.ManifestMediaType)
        {
            NamesHistory = record.NamesHistory,
            ReadOnly = from != store,
        };
    }

    /// <summary>repository@digest for every repository the image is named in and every digest.</summary>
    private static List<string> RepoDigests(ImageRecord record) =>
        [.. record.Names.Select(ImageLookup.RepositoryOf).Distinct()
            .SelectMany(repo => record.Digests.Select(d => $"{repo}@{d}"))];
}
