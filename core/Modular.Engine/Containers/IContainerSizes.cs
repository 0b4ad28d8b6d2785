namespace Modular.Engine.Containers;

/// <summary>
/// What <c>ps --size</c> asks of the engine: the bytes of a container's image and layer.
/// An interface so the remote client can answer it from the service's listing.
/// </summary>
public interface IContainerSizes
{
    /// <summary>The container's virtual size (image plus layer) and its layer's own size.</summary>
    Task<ContainerSize> MeasureAsync(ContainerInfo container, CancellationToken cancellationToken);
}
