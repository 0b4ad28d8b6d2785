using Modular.Contracts.Errors;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// The full view of a layer as if chrooted at its root: the writable directory first, then
/// (for overlay) the lower diffs top-down, with overlay whiteouts and opaque directories
/// honoured. Paths are resolved component by component; a symlink is followed inside the
/// root (an absolute target restarts at the root, ".." stops there), so nothing a layer
/// contains can steer a write onto the host.
/// </summary>
internal sealed class LayerView(IReadOnlyList<string> roots, bool overlayForm)
{
    public string WritableRoot => roots[0];

    public bool OverlayForm => overlayForm;

    /// <summary>
    /// Resolves a root-relative directory path to the path of a real directory (or one that
    /// does not exist yet in any layer), with every symlink followed inside the root.
    /// </summary>
    public string ResolveDirectory(string path, string entryName)
    {
        var walk = new ResolutionWalk(Components(path), AllLayers());
        while (walk.TryNext(out var part))
        {
            if (part == "..")
            {
                walk.Up();
                continue;
            }

            var found = Lookup(walk.Current, walk.Visible, part);
            switch (found.Kind)
            {
                case ViewEntryKind.Missing or ViewEntryKind.Directory:
                    walk.Enter(part, found.Layers);
                    break;
                case ViewEntryKind.Symlink:
                    walk.Follow(ReadLink(found.Layers[0], walk.Current, part), entryName);
                    break;
                default:
                    throw new InvalidInputException(
                        $"invalid layer entry {Quoted.Of(entryName)}: "
                        + $"parent {Quoted.Of(Join(walk.Current, part))} is not a directory");
            }
        }

        return walk.Path;
    }

    /// <summary>Finds what the view shows at a directory's child, the directory resolved.</summary>
    public ViewEntry Lookup(string directory, string name, string entryName)
    {
        var resolved = ResolveDirectory(directory, entryName);
        var layers = AllLayers();
        var parts = new List<string>();
        foreach (var part in Components(resolved))
        {
            var step = Lookup(parts, layers, part);
            parts.Add(part);
            layers = step.Layers;
        }

        return Lookup(parts, layers, name) with { Directory = resolved };
    }

    private ViewEntry Lookup(List<string> directory, List<int> visible, string name)
    {
        var dirs = new List<int>();
        foreach (var layer in visible)
        {
            var path = Path.Combine(roots[layer], Join(directory, name));
            var stat = FileStat.Lstat(path);
            if (stat is not null)
            {
                if (overlayForm && stat.IsOverlayWhiteout)
                {
                    break;
                }

                if (!stat.IsDirectory)
                {
                    return dirs.Count > 0 ? Directory(dirs) : NonDirectory(layer, stat);
                }

                dirs.Add(layer);
                if (overlayForm && Xattr.IsOpaque(path))
                {
                    break;
                }
            }

            var hostDirectory = Path.Combine(roots[layer], string.Join('/', directory));
            if (overlayForm && Xattr.IsOpaque(hostDirectory))
            {
                break;
            }
        }

        return dirs.Count > 0 ? Directory(dirs) : new ViewEntry(ViewEntryKind.Missing, [], null);
    }

    private static ViewEntry Directory(List<int> layers) =>
        new(ViewEntryKind.Directory, layers, null);

    private static ViewEntry NonDirectory(int layer, FileStat stat) =>
        new(stat.IsSymlink ? ViewEntryKind.Symlink : ViewEntryKind.Other, [layer], stat);

    private string ReadLink(int layer, List<string> directory, string name)
    {
        var path = Path.Combine(roots[layer], Join(directory, name));
        return new FileInfo(path).LinkTarget ?? string.Empty;
    }

    /// <summary>The host path of a resolved root-relative path in the given layer.</summary>
    public string HostPath(int layer, string relative) =>
        relative.Length == 0 ? roots[layer] : Path.Combine(roots[layer], relative);

    private List<int> AllLayers() => Enumerable.Range(0, roots.Count).ToList();

    private static string[] Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(List<string> directory, string name) =>
        directory.Count == 0 ? name : string.Join('/', directory) + "/" + name;
}
