using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Images;

namespace Modular.Engine.Containers;

/// <summary>
/// Measures containers for <c>ps --size</c>. Only asked for on demand: walking a layer costs
/// a stat per file, which a plain <c>ps</c> must not pay.
/// </summary>
public sealed class ContainerSizes(StorageDriverAccess drivers, IImageService images) : IContainerSizes
{
    public async Task<ContainerSize> MeasureAsync(
        ContainerInfo container,
        CancellationToken cancellationToken)
    {
        // A --rootfs container has no layer of ours and no image: nothing to measure.
        if (container.ImageId.Length == 0)
        {
            return new ContainerSize(0, 0);
        }

        var rw = await LayerBytesAsync(container.Id, cancellationToken);
        return new ContainerSize(await ImageBytesAsync(container.ImageId, cancellationToken) + rw, rw);
    }

    // The container's layer id is its own id (see ContainerDefinition).
    private async Task<long> LayerBytesAsync(string layerId, CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        long total = 0;
        try
        {
            await foreach (var entry in driver.DiffAsync(layerId, cancellationToken))
            {
                total += entry.Type == LayerEntryType.File ? entry.Size : 0;
            }
        }
        catch (NotFoundException)
        {
            // Removed while we listed: it has no size any more.
        }

        return total;
    }

    private async Task<long> ImageBytesAsync(string imageId, CancellationToken cancellationToken)
    {
        try
        {
            return (await images.ResolveAsync(imageId, cancellationToken)).Size;
        }
        catch (NotFoundException)
        {
            return 0;
        }
    }
}
