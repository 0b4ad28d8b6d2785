namespace Modular.Engine.Images;

/// <summary>
/// The engine's view of layers for containers: a read-write layer on top of an image's
/// top layer, mounted for the runtime. Wraps the selected storage driver and the layer
/// metadata, under the layer-store lock.
/// </summary>
public interface ILayerStore
{
    /// <summary>Creates the container's read-write layer with <paramref name="parentLayerId"/> below.</summary>
    Task CreateContainerLayerAsync(string layerId, string? parentLayerId, CancellationToken cancellationToken);

    /// <summary>Mounts the layer's full view; returns the root path.</summary>
    Task<string> MountAsync(string layerId, CancellationToken cancellationToken);

    /// <summary>Unmounts the layer; fine when not mounted.</summary>
    Task UnmountAsync(string layerId, CancellationToken cancellationToken);

    /// <summary>Removes a container layer; fine when missing.</summary>
    Task RemoveContainerLayerAsync(string layerId, CancellationToken cancellationToken);
}
