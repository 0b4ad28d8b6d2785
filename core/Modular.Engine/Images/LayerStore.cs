using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// Container layers over the selected driver, recorded in layers.json beside image layers
/// so rmi knows which image layers containers still stand on. A parent may be a layer of a
/// read-only image store; the driver then reads it there.
/// </summary>
public sealed class LayerStore(
    ImageStore store,
    StorageDriverAccess drivers,
    ImageWriter writer,
    ReadOnlyImageStores readOnlyStores) : ILayerStore
{
    public async Task CreateContainerLayerAsync(
        string layerId,
        string? parentLayerId,
        CancellationToken cancellationToken)
    {
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        await writer.RemoveIncompleteAsync(state, cancellationToken);
        if (state.FindLayer(layerId) is not null)
        {
            throw new AlreadyExistsException($"layer {layerId} already exists");
        }

        if (parentLayerId is { Length: > 0 }
            && state.FindLayer(parentLayerId) is null
            && !await readOnlyStores.HasLayerAsync(parentLayerId, cancellationToken))
        {
            throw new NotFoundException($"layer {parentLayerId}: layer not known");
        }

        // Flagged incomplete until the driver has made it, like a pulled layer.
        var parent = parentLayerId is { Length: > 0 } ? parentLayerId : null;
        var record = new LayerRecord(layerId, parent, null, null, 0, true, true);
        state.PutLayer(record);
        await store.WriteAsync(state, cancellationToken);

        var driver = await drivers.GetAsync(cancellationToken);
        await driver.CreateLayerAsync(layerId, parent, cancellationToken);
        state.PutLayer(record with { Incomplete = false });
        await store.WriteAsync(state, cancellationToken);
    }

    public async Task<string> MountAsync(string layerId, CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        using var _ = await store.LockAsync(cancellationToken);
        return await driver.MountAsync(layerId, cancellationToken);
    }

    public async Task UnmountAsync(string layerId, CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        using var _ = await store.LockAsync(cancellationToken);
        await driver.UnmountAsync(layerId, cancellationToken);
    }

    public async Task RemoveContainerLayerAsync(string layerId, CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        if (state.FindLayer(layerId) is { IsContainerLayer: false })
        {
            throw new InvalidInputException($"layer {layerId} belongs to an image, not a container");
        }

        await driver.RemoveAsync(layerId, cancellationToken);
        if (state.Layers.RemoveAll(l => l.Id == layerId) > 0)
        {
            await store.WriteAsync(state, cancellationToken);
        }
    }
}
