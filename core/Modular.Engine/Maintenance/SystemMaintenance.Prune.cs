using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Images.Management;
using Modular.Engine.Networks;

namespace Modular.Engine.Maintenance;

/// <summary>System prune: containers, pods, networks, images, then (--volumes) volumes.</summary>
public sealed partial class SystemMaintenance
{
    public async Task<SystemPruneReport> PruneAsync(SystemPruneOptions options, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var containerFilter = ContainerPruneFilter.Parse(options.Filters, now);
        var imageOptions = ImageOptions(options, now);
        var sizes = (await images.ListAsync(true, cancellationToken)).ToDictionary(i => i.Id, i => i.Size);

        var removedContainers = await PruneContainersAsync(containerFilter, cancellationToken);
        var removedPods = await pods.PruneAsync(cancellationToken);
        var removedNetworks = await networks.PruneAsync(options.Filters, cancellationToken);
        var removedImages = await imagePruner.PruneAsync(imageOptions, cancellationToken);

        // Podman's system prune takes named volumes too, as volume prune --all does, and
        // counts their data in the reclaimed space: measured before they go.
        var volumeSizes = options.Volumes ? await VolumeSizesAsync(cancellationToken) : [];
        IReadOnlyList<string> removedVolumes = options.Volumes
            ? await volumes.PruneAsync([.. options.Filters, "all=true"], cancellationToken)
            : [];
        var reclaimed = removedImages.Sum(id => sizes.GetValueOrDefault(id))
            + removedVolumes.Sum(name => volumeSizes.GetValueOrDefault(name));
        return new SystemPruneReport(
            removedContainers, removedPods, removedImages, removedNetworks, removedVolumes, reclaimed);
    }

    private async Task<Dictionary<string, long>> VolumeSizesAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var volume in await volumes.ListAsync([], cancellationToken))
        {
            result[volume.Name] = DirectorySize(volumes.ToJson(volume)["Mountpoint"]?.ToString());
        }

        return result;
    }

    private async Task<List<string>> PruneContainersAsync(
        ContainerPruneFilter filter,
        CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        var list = await containers.ListAsync(true, cancellationToken);
        // The infra goes only with its pod (pod prune), as in Podman.
        foreach (var container in list.Where(filter.Matches).Where(c => !c.IsInfra))
        {
            try
            {
                await containers.RemoveAsync(container.Id, false, null, cancellationToken);
                removed.Add(container.Id);
            }
            catch (NotFoundException)
            {
                // Removed meanwhile (a --rm container's cleanup): nothing left to prune.
            }
        }

        return removed;
    }

    // The same filters as the container prune already accepted: label, label!, until.
    private static ImagePruneOptions ImageOptions(SystemPruneOptions options, DateTimeOffset now)
    {
        var pairs = options.Filters.Select(f => f.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var until = pairs.Where(p => p[0] == "until").Select(p => p[1]).ToList();
        var labels = pairs.Where(p => p[0] is "label" or "label!")
            .Select(p => (p[1], p[0] == "label!"))
            .ToList();
        return new ImagePruneOptions(
            options.All,
            until.Count > 0 ? UntilTime.Parse(until, now) : null,
            labels);
    }
}
