using System.Text.Json.Nodes;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Images.Management;
using Modular.Engine.Networks;
using Modular.Engine.Pods;
using Modular.Engine.Volumes;

namespace Modular.Engine.Maintenance;

/// <summary>The local <see cref="ISystemMaintenance"/>: composed from the engine's services.</summary>
public sealed partial class SystemMaintenance(
    IImageService images,
    IContainerService containers,
    IVolumeService volumes,
    IPodService pods,
    INetworkService networks,
    ImagePruner imagePruner,
    IContainerSizes sizes) : ISystemMaintenance
{
    public async Task<SystemDfReport> DiskUsageAsync(CancellationToken cancellationToken)
    {
        var imageList = await images.ListAsync(true, cancellationToken);
        var containerList = await containers.ListAsync(true, cancellationToken);
        var volumesOf = await VolumesOfAsync(containerList, cancellationToken);
        var dfImages = imageList.SelectMany(i => ImageEntries(i, containerList)).ToList();
        var dfContainers = new List<SystemDfContainer>();
        foreach (var container in containerList)
        {
            // Measured as ps --size measures: the rw layer's files, and that plus the image.
            var size = await sizes.MeasureAsync(container, cancellationToken);
            dfContainers.Add(Container(container, volumesOf[container.Id].Count, size));
        }

        var dfVolumes = new List<SystemDfVolume>();
        foreach (var volume in await volumes.ListAsync([], cancellationToken))
        {
            var links = volumesOf.Values.Count(names => names.Contains(volume.Name));
            var size = DirectorySize(volumes.ToJson(volume)["Mountpoint"]?.ToString());
            dfVolumes.Add(new SystemDfVolume(volume.Name, links, size, links == 0 ? size : 0));
        }

        return new SystemDfReport(imageList.Sum(i => i.Size), dfImages, dfContainers, dfVolumes);
    }

    private static IEnumerable<SystemDfImage> ImageEntries(LocalImage image, IReadOnlyList<ContainerInfo> all)
    {
        var users = all.Count(c => c.ImageId == image.Id);
        IEnumerable<(string Repository, string Tag)> names = image.Names.Count == 0
            ? [("<none>", "<none>")]
            : image.Names.Select(Split);
        return names.Select(n => new SystemDfImage(
            n.Repository, n.Tag, image.Id, image.Created, image.Size, 0, image.Size, users));
    }

    private static (string, string) Split(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, "<none>");
    }

    private static SystemDfContainer Container(ContainerInfo c, int localVolumes, ContainerSize size) =>
        new(c.Id, c.ImageId, c.Command, localVolumes, size.RootFsSize, size.RwSize, c.Created, c.State, c.Name);

    // The named volumes each container mounts, from its inspect object's Mounts.
    private async Task<Dictionary<string, HashSet<string>>> VolumesOfAsync(
        IReadOnlyList<ContainerInfo> list,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var container in list)
        {
            var inspect = await containers.InspectAsync(container.Id, cancellationToken);
            var mounts = (inspect["Mounts"] as JsonArray ?? []).OfType<JsonObject>();
            result[container.Id] = mounts
                .Where(m => m["Type"]?.ToString() == "volume" && m["Name"] is not null)
                .Select(m => m["Name"]!.ToString())
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }

    // Bytes of regular files below the directory; links are not followed (a volume may
    // hold a link to / and still be small).
    private static long DirectorySize(string? path)
    {
        if (path is null || !Directory.Exists(path))
        {
            return 0;
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        return new DirectoryInfo(path).EnumerateFiles("*", options).Sum(f => f.Length);
    }
}
