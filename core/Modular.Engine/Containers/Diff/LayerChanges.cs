using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Images;

namespace Modular.Engine.Containers.Diff;

/// <summary>
/// <c>diff</c>: what a container's layer (or an image's top layer) changed against the view
/// below it. The layer's own entries say what it touched; the layers below, replayed with
/// their whiteouts, say whether a touched path was there before (C) or is new (A).
/// </summary>
public sealed class LayerChanges(
    IContainerService containers,
    IImageService images,
    ImageStore store,
    StorageDriverAccess drivers) : ILayerChanges
{
    /// <summary>Paths the engine itself creates or mounts in every container; Podman hides them too.</summary>
    private static readonly HashSet<string> EngineOwned =
    [
        "/dev", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/proc", "/run", "/run/notify",
        "/run/.containerenv", "/run/secrets", "/sys", "/etc/mtab", "/.containerenv",
    ];

    public async Task<IReadOnlyList<FileChange>> ForAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var layerId = await LayerOfAsync(nameOrId, cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var chain = state.ChainOf(layerId).ToList();
        if (chain.Count == 0)
        {
            return [];
        }

        var driver = await drivers.GetAsync(cancellationToken);
        var below = new LowerView();
        foreach (var layer in Enumerable.Reverse(chain).SkipLast(1))
        {
            await foreach (var entry in driver.DiffAsync(layer.Id, cancellationToken))
            {
                below.Apply(entry);
            }
        }

        var changes = new List<FileChange>();
        await foreach (var entry in driver.DiffAsync(chain[0].Id, cancellationToken))
        {
            var path = "/" + entry.Path.TrimEnd('/');
            var kind = entry.Type == LayerEntryType.Whiteout ? 'D' : below.Contains(path) ? 'C' : 'A';
            if (!EngineOwned.Contains(path) && changes.All(c => c.Path != path))
            {
                changes.Add(new FileChange(kind, path));
            }
        }

        return changes.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>An image's top layer, else a container's layer, as Podman looks them up.</summary>
    private async Task<string> LayerOfAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return (await images.ResolveAsync(nameOrId, cancellationToken)).TopLayerId;
        }
        catch (NotFoundException)
        {
        }

        try
        {
            // A container's read-write layer carries the container's id (see export).
            return (await containers.ResolveAsync(nameOrId, cancellationToken)).Id;
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException($"{nameOrId} not found: layer not known", e);
        }
    }
}
