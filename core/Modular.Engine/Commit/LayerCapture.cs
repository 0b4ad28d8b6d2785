using Modular.Contracts.Storage;
using Modular.Engine.Containers.Export;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;

namespace Modular.Engine.Commit;

/// <summary>
/// Turns a read-write layer into a tar file: its own changes (the driver's diff, with
/// whiteouts), or with squash the whole mounted filesystem. The tar is hashed as it is
/// written, so its diff id needs no second read.
/// </summary>
public sealed class LayerCapture(StorageDriverAccess drivers, ImageStore store)
{
    /// <summary>
    /// Files the engine bind-mounts into every container; their mount points appear in the
    /// upper layer as empty placeholders that no image should carry (buildah skips them too).
    /// </summary>
    private static readonly HashSet<string> MountPoints =
    [
        "etc/hostname", "etc/hosts", "etc/resolv.conf", "run/.containerenv", ".containerenv",
        "run/secrets",
    ];

    /// <summary>The layer's own changes as a tar.</summary>
    public Task<CapturedLayer> DiffAsync(string layerId, CancellationToken cancellationToken) =>
        DiffAsync(layerId, new HashSet<string>(), cancellationToken);

    /// <summary>
    /// The layer's own changes, leaving out the empty mount points of <paramref name="mountTargets"/>
    /// (relative paths): a RUN step's bind, cache and secret mounts are not part of the image.
    /// </summary>
    public async Task<CapturedLayer> DiffAsync(
        string layerId,
        IReadOnlySet<string> mountTargets,
        CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        return await WriteAsync(
            output => EntryTarWriter.WriteAsync(
                Filter(driver.DiffAsync(layerId, cancellationToken), mountTargets), output, cancellationToken),
            cancellationToken);
    }

    /// <summary>Everything visible under <paramref name="root"/> (a mounted rootfs) as a tar.</summary>
    public Task<CapturedLayer> SquashAsync(string root, CancellationToken cancellationToken) =>
        WriteAsync(output => RootfsTarWriter.WriteAsync(root, output, cancellationToken), cancellationToken);

    /// <summary>
    /// The changes of <paramref name="layerIds"/> (lowest first) together, as one layer over
    /// the parent of the first: what <c>build --squash</c> adds to the base image.
    /// </summary>
    public async Task<CapturedLayer> SquashLayersAsync(
        IReadOnlyList<string> layerIds,
        CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(cancellationToken);
        var entries = SquashedLayers.MergeAsync(
            id => driver.DiffAsync(id, cancellationToken), layerIds, cancellationToken);
        return await WriteAsync(
            output => EntryTarWriter.WriteAsync(entries, output, cancellationToken),
            cancellationToken);
    }

    private async Task<CapturedLayer> WriteAsync(
        Func<Stream, Task> write,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.TempDirectory);
        var path = Path.Combine(store.TempDirectory, $"commit-{Guid.NewGuid():N}.tar");
        try
        {
            string diffId;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await using var hashing = new HashingWriteStream(file);
                await write(hashing);
                await hashing.FlushAsync(cancellationToken);

                // .NET's TarWriter writes nothing for no entries; a layer still needs the end
                // blocks (Go's tar writer leaves them), e.g. a never-started container's commit.
                if (file.Position == 0)
                {
                    await hashing.WriteAsync(new byte[1024], cancellationToken);
                    await hashing.FlushAsync(cancellationToken);
                }

                diffId = hashing.Digest();
            }

            return new CapturedLayer(path, diffId, new FileInfo(path).Length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async IAsyncEnumerable<LayerEntry> Filter(
        IAsyncEnumerable<LayerEntry> entries,
        IReadOnlySet<string> mountTargets)
    {
        await foreach (var entry in entries)
        {
            var path = entry.Path.TrimEnd('/');
            var placeholder = (MountPoints.Contains(path) || mountTargets.Contains(path))
                && entry.Type is LayerEntryType.File or LayerEntryType.Directory
                && (entry.Type == LayerEntryType.Directory || entry.Size == 0);
            if (!placeholder)
            {
                yield return entry;
            }
        }
    }
}
