namespace Modular.Engine.Images.Transports;

/// <summary>
/// Reads a stored image's record, config, manifest and layer chain for an export, from our
/// store or, for an image only a read-only store holds, from that one (read only).
/// </summary>
internal sealed class StoredImageReader(
    IImageService images,
    ImageStore store,
    LayerBlobs blobs,
    ReadOnlyImageStores readOnlyStores)
{
    public async Task<StoredImage> ReadAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var (from, state, record) = await HolderAsync(image, cancellationToken);
        var kept = from == store ? blobs : new LayerBlobs(from);
        var directory = from.ImageDirectory(record.Id);
        var config = await File.ReadAllBytesAsync(Path.Combine(directory, "config.json"), cancellationToken);
        var manifestPath = Path.Combine(directory, "manifest");
        var manifest = File.Exists(manifestPath)
            ? await File.ReadAllBytesAsync(manifestPath, cancellationToken)
            : [];

        var chain = record.TopLayer.Length == 0 ? [] : state.ChainOf(record.TopLayer).Reverse().ToList();
        var diffIds = ImageConfigDocument.Parse(config).DiffIds;
        var layers = chain.Select((l, i) => new StoredLayer(
            l.Id,
            i < diffIds.Count ? diffIds[i] : l.DiffId ?? "",
            kept.Has(l.Id) ? kept.PathOf(l.Id) : null)).ToList();
        return new StoredImage(record, config, manifest, layers, NameMatching(record, nameOrId));
    }

    private async Task<FoundImage> HolderAsync(LocalImage image, CancellationToken cancellationToken)
    {
        if (!image.ReadOnly)
        {
            var state = await store.ReadAsync(cancellationToken);
            return new FoundImage(store, state, state.Images.Single(i => i.Id == image.Id));
        }

        return await readOnlyStores.FindAsync(image.Id, [], cancellationToken)
            ?? throw new Contracts.Errors.NotFoundException($"{image.Id}: image not known");
    }

    /// <summary>The stored name <paramref name="input"/> stands for, as Podman tags a saved image.</summary>
    private static string? NameMatching(ImageRecord record, string input)
    {
        var bare = input.StartsWith("sha256:", StringComparison.Ordinal) ? input[7..] : input;
        if (record.Id.StartsWith(bare, StringComparison.Ordinal)
            || !ImageReference.TryParse(input, out var reference))
        {
            return null;
        }

        var tagged = reference!.WithDefaultTag().ToString();
        return record.Names.FirstOrDefault(n => n == tagged)
            ?? record.Names.FirstOrDefault(n => n.EndsWith("/" + tagged, StringComparison.Ordinal))
            ?? record.Names.FirstOrDefault();
    }
}
