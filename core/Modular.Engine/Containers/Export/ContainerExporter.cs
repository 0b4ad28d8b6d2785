using Modular.Engine.Images;

namespace Modular.Engine.Containers.Export;

/// <summary>
/// <c>export</c>: a container's root file system (image layers and its own changes) as a
/// flat tar. The layer is mounted for the export and unmounted afterwards unless the
/// container is running and needs its mount.
/// </summary>
public sealed class ContainerExporter(IContainerService containers, ILayerStore layers) : IContainerExporter
{
    public async Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken)
    {
        var container = await containers.ResolveAsync(nameOrId, cancellationToken);
        var root = await layers.MountAsync(container.Id, cancellationToken);
        try
        {
            await RootfsTarWriter.WriteAsync(root, output, cancellationToken);
        }
        finally
        {
            if (container.State is not ("running" or "paused"))
            {
                // Its own timeout: a cancelled export must still drop its mount.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await layers.UnmountAsync(container.Id, timeout.Token);
            }
        }
    }
}
