using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;

namespace Modular.Engine.Images;

/// <summary>
/// Commits a verified image: applies the layers not yet stored, checks each diff id,
/// writes the manifest and config, and records the image, all under the store lock.
/// Any failure removes every layer and file this commit created, so the store is
/// exactly as before.
/// </summary>
public sealed partial class ImageWriter(
    ImageStore store,
    StorageDriverAccess drivers,
    LayerEntryReader reader,
    LayerBlobs blobs,
    ILogger<ImageWriter> logger)
{
    /// <summary>Stores <paramref name="commit"/>; returns the image's record.</summary>
    public async Task<ImageRecord> CommitAsync(
        ImageCommit commit,
        CancellationToken cancellationToken)
    {
        var config = ImageConfigDocument.Parse(commit.Config);
        if (config.DiffIds.Count != commit.Layers.Count)
        {
            throw new InvalidInputException(
                $"image config lists {config.DiffIds.Count} layers but the manifest {commit.Layers.Count}");
        }

        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        await RemoveIncompleteAsync(state, cancellationToken);
        blobs.Sweep(state);
        var created = new List<string>();
        var imageId = Digests.Hex(Digests.Of(commit.Config));
        var newImage = !state.Images.Exists(i => i.Id == imageId);
        try
        {
            var (top, size) = await ApplyLayersAsync(state, commit, created, cancellationToken);
            if (newImage)
            {
                await WriteImageFilesAsync(imageId, commit, cancellationToken);
            }

            var record = Record(state, imageId, commit, config, top, size);

            MarkComplete(state, created);
            await store.WriteAsync(state, cancellationToken);
            return record;
        }
        catch
        {
            await RollBackAsync(state, created, newImage ? imageId : null);
            throw;
        }
    }

    // New layers turn complete in the same write that records their images, so a kill
    // before it leaves only flagged layers, which the next store open removes.
    private static void MarkComplete(StoreState state, IEnumerable<string> created)
    {
        foreach (var id in created)
        {
            state.PutLayer(state.FindLayer(id)! with { Incomplete = false });
        }
    }

    /// <summary>
    /// For the kernel when it opens the store: takes the lock and removes layers a killed
    /// pull left incomplete. Loads the driver only when there is such a layer.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (!(await store.ReadAsync(cancellationToken)).Layers.Exists(l => l.Incomplete))
        {
            return;
        }

        using var _ = await store.LockAsync(cancellationToken);
        await RemoveIncompleteAsync(await store.ReadAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Removes kept blobs of layers that are gone; the caller holds the lock.</summary>
    public void SweepBlobs(StoreState state) => blobs.Sweep(state);

    /// <summary>
    /// Removes layers a killed pull left flagged incomplete. The caller holds the lock;
    /// the state is written back only when something was removed.
    /// </summary>
    public async Task RemoveIncompleteAsync(StoreState state, CancellationToken cancellationToken)
    {
        var incomplete = state.Layers.Where(l => l.Incomplete).ToList();
        if (incomplete.Count == 0)
        {
            return;
        }

        var driver = await drivers.GetAsync(cancellationToken);
        foreach (var layer in incomplete)
        {
            Log.RemovingIncomplete(logger, layer.Id);
            await driver.RemoveAsync(layer.Id, cancellationToken);
            state.Layers.Remove(layer);
        }

        blobs.Sweep(state);
        await store.WriteAsync(state, cancellationToken);
    }

    private async Task<(string Top, long Size)> ApplyLayersAsync(
        StoreState state,
        ImageCommit commit,
        List<string> created,
        CancellationToken cancellationToken)
    {
        string? parent = null;
        string? chain = null;
        long size = 0;
        foreach (var layer in commit.Layers)
        {
            chain = Digests.Chain(chain, layer.DiffId);
            var id = Digests.Hex(chain);
            var existing = state.FindLayer(id);
            if (existing is null)
            {
                existing = await ApplyLayerAsync(state, id, parent, layer, created, cancellationToken);
            }

            size += existing.Size;
            parent = id;
        }

        return (parent ?? "", size);
    }

    private async Task<LayerRecord> ApplyLayerAsync(
        StoreState state,
        string id,
        string? parent,
        LayerSource layer,
        List<string> created,
        CancellationToken cancellationToken)
    {
        // Recorded as incomplete before the driver is touched: a kill from here on leaves
        // a flag the next store open acts on.
        var record = new LayerRecord(id, parent, layer.DiffId, layer.CompressedDigest, 0, true, false);
        state.PutLayer(record);
        created.Add(id);
        await store.WriteAsync(state, cancellationToken);

        var driver = await drivers.GetAsync(cancellationToken);
        Log.ApplyingLayer(logger, id, layer.CompressedDigest);
        await driver.CreateLayerAsync(id, parent, cancellationToken);
        var tarSize = await ApplyVerifiedAsync(driver, id, layer, cancellationToken);

        // Still flagged: see CommitAsync, which clears the flag with the image record.
        record = record with { Size = tarSize };
        state.PutLayer(record);
        return record;
    }

    private async Task<long> ApplyVerifiedAsync(
        IStorageDriver driver,
        string id,
        LayerSource layer,
        CancellationToken cancellationToken)
    {
        await using var blob = blobs.Keep(id, await layer.Open(cancellationToken));
        await using var tar = await LayerStreams.DecompressAsync(blob, cancellationToken);
        await using var hashing = new HashingStream(tar, leaveOpen: true);
        await driver.ApplyAsync(id, reader(hashing, cancellationToken), cancellationToken);
        var diffId = await hashing.FinishAsync(cancellationToken);
        if (diffId != layer.DiffId)
        {
            throw new InvalidInputException(
                $"layer {layer.CompressedDigest}: uncompressed digest {diffId} does not match "
                + $"diff id {layer.DiffId} in the image config");
        }

        await blob.CommitAsync(cancellationToken);
        return hashing.BytesRead;
    }

    private async Task WriteImageFilesAsync(
        string imageId,
        ImageCommit commit,
        CancellationToken cancellationToken)
    {
        var directory = store.ImageDirectory(imageId);
        var manifest = Path.Combine(directory, "manifest");
        await ImageStore.WriteAtomicAsync(manifest, commit.Manifest, cancellationToken);
        var config = Path.Combine(directory, "config.json");
        await ImageStore.WriteAtomicAsync(config, commit.Config, cancellationToken);
    }
}
