using System.Runtime.CompilerServices;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// storage.overlay: each layer keeps only its own changes in <c>diff</c>, in overlayfs's
/// whiteout form, and is mounted with its parents' diffs as lower directories.
/// </summary>
public sealed class OverlayDriver : IStorageDriver
{
    private OverlayLayout _layout = new(string.Empty);
    private OverlayMounts? _mounts;

    public string Id => "overlay";

    public IReadOnlyDictionary<string, string> Status => new Dictionary<string, string>
    {
        ["Backing Filesystem"] =
            _layout.Home.Length == 0 ? "unknown" : BackingFilesystem.Name(_layout.Home),
        ["Native Overlay Diff"] = "true",
        ["Supports d_type"] = "true",
        ["Supports shifting"] = "false",
        ["Supports volatile"] = "false",
        ["Using metacopy"] = "false",
    };

    public async Task InitializeAsync(
        StorageDriverOptions options,
        CancellationToken cancellationToken)
    {
        var filesystems = await File.ReadAllLinesAsync("/proc/filesystems", cancellationToken);
        if (!filesystems.Any(line => line.Split('\t').LastOrDefault() == "overlay"))
        {
            throw new CapabilityMissingException(
                "storage driver overlay: the kernel lacks overlayfs (not in /proc/filesystems)");
        }

        _layout = new OverlayLayout(options.Home, options.ReadOnlyHomes);
        // Podman's [storage.options.overlay] mountopt key, passed to every mount as is.
        var mountOptions = options.Options.TryGetValue("mountopt", out var extra) ? extra : "";
        _mounts = new OverlayMounts(_layout, options.RunHome, MountOptions.Parse(mountOptions));
        Directory.CreateDirectory(Path.Combine(options.Home, "l"));
        // Mount counts live here; a store used only for image commands never mounts, yet
        // its first pull may need to roll back through the same bookkeeping.
        Directory.CreateDirectory(options.RunHome);
        if (BackingFilesystem.Name(options.Home) == "overlayfs")
        {
            // An upper directory on overlayfs is refused by the kernel at mount time.
            throw new CapabilityMissingException(
                $"storage driver overlay: {options.Home} is itself on overlayfs; use vfs");
        }
    }

    public async Task CreateLayerAsync(
        string id,
        string? parentId,
        CancellationToken cancellationToken)
    {
        var layer = _layout.Layer(id);
        if (Directory.Exists(layer))
        {
            throw new AlreadyExistsException($"overlay layer {id} already exists");
        }

        var lower = parentId is null ? string.Empty : LowerChainOf(parentId);
        Directory.CreateDirectory(_layout.Diff(id));
        Directory.CreateDirectory(_layout.Work(id));
        Directory.CreateDirectory(_layout.Merged(id));
        if (parentId is not null)
        {
            // As containers/storage: a new layer's root starts as its parent's (mode, owner),
            // since the overlay's root shows the upper directory's.
            NodeWriter.CopyDirectoryMetadata(_layout.ReadableLayer(parentId), _layout.Diff(id));
        }

        var shortName = OverlayLayout.NewShortName();
        File.CreateSymbolicLink(_layout.ShortLink(shortName), Path.Combine("..", id, "diff"));
        await File.WriteAllTextAsync(Path.Combine(layer, "link"), shortName, cancellationToken);
        if (lower.Length > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(layer, "lower"), lower, cancellationToken);
        }
    }

    public async Task<long> ApplyAsync(
        string id,
        IAsyncEnumerable<LayerEntry> entries,
        CancellationToken cancellationToken)
    {
        var writer = new LayerWriter(ViewForApply(id));
        await writer.ApplyAsync(entries, cancellationToken);
        return writer.BytesWritten;
    }

    public Task<string> MountAsync(string id, CancellationToken cancellationToken)
    {
        _layout.ExistingLayer(id);
        return Mounts.MountAsync(id, cancellationToken);
    }

    public Task UnmountAsync(string id, CancellationToken cancellationToken)
    {
        Mounts.Unmount(id, force: false);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LayerEntry> DiffAsync(
        string id,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in OverlayDiff.Read(_layout.ReadableLayer(id), string.Empty))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
            entry.Content?.Dispose();
        }

        await Task.CompletedTask;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var layer = _layout.Layer(id);
        if (!Directory.Exists(layer))
        {
            return Task.CompletedTask;
        }

        Mounts.Unmount(id, force: true);
        if (File.Exists(Path.Combine(layer, "link")))
        {
            NodeWriter.Remove(_layout.ShortLink(_layout.ShortName(id)));
        }

        NodeWriter.Remove(layer);
        return Task.CompletedTask;
    }

    private LayerView ViewForApply(string id)
    {
        IReadOnlyList<string> roots = [_layout.ExistingLayer(id), .. _layout.Lowers(id)];
        if (!Mounts.IsMounted(id))
        {
            return new LayerView(roots, overlayForm: true);
        }

        // Changing an upper directory under a live overlay mount is undefined behaviour
        // (kernel overlayfs docs), so a mounted layer (`cp` into a running container) is
        // written through its merged view, where the kernel makes whiteouts itself.
        return new LayerView([_layout.Merged(id)], overlayForm: false);
    }

    private OverlayMounts Mounts =>
        _mounts ?? throw new InvalidOperationException("overlay driver used before InitializeAsync");

    // The parent may sit in a read-only image store; the new layer then lists its short names.
    private string LowerChainOf(string parentId)
    {
        _layout.ReadableLayer(parentId);
        var parentChain = _layout.LowerChain(parentId);
        var parentShort = _layout.ShortName(parentId);
        return parentChain.Length == 0 ? parentShort : parentShort + ":" + parentChain;
    }
}
