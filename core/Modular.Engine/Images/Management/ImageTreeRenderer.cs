using System.Globalization;

namespace Modular.Engine.Images.Management;

/// <summary>
/// <c>image tree</c> as libimage draws it: the image's header, then its layers base first,
/// or with <c>--whatrequires</c> every layer built on its top layer, branching where layers do.
/// </summary>
public sealed class ImageTreeRenderer(IImageService images, ImageStore store) : IImageTreeRenderer
{
    public async Task<string> RenderAsync(string nameOrId, bool whatRequires, CancellationToken cancellationToken)
    {
        var image = await images.ResolveAsync(nameOrId, cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        var record = state.Images.Single(i => i.Id == image.Id);
        var header = $"Image ID: {record.Id[..12]}\nTags:     [{string.Join(' ', record.Names)}]\n"
            + $"Size:     {Size(record.Size + MetadataSize(record.Id), 4)}\n"
            + (record.TopLayer.Length > 0 ? "Image Layers" : "No Image Layers");
        var tree = new TextTree(header);
        var top = record.TopLayer.Length == 0 ? null : state.FindLayer(record.TopLayer);
        if (whatRequires)
        {
            if (top is not null)
            {
                AddChildren(state, top, tree);
            }
        }
        else
        {
            foreach (var layer in top is null ? [] : state.ChainOf(top.Id).Reverse())
            {
                tree.Add(Line(state, layer));
            }
        }

        return tree.Print();
    }

    private static void AddChildren(StoreState state, LayerRecord layer, TextTree parent)
    {
        var siblings = layer.Parent is null ? 0 : Children(state, layer.Parent).Count;
        var next = parent;
        if (siblings <= 1)
        {
            parent.Add(Line(state, layer));
        }
        else
        {
            next = new TextTree(Line(state, layer));
            parent.AddTree(next);
        }

        foreach (var child in Children(state, layer.Id))
        {
            AddChildren(state, child, next);
        }
    }

    private static List<LayerRecord> Children(StoreState state, string id) =>
        [.. state.Layers.Where(l => l.Parent == id && !l.IsContainerLayer)];

    private static string Line(StoreState state, LayerRecord layer)
    {
        var owners = state.Images.Where(i => i.TopLayer == layer.Id).SelectMany(i => i.Names).ToList();
        var tags = owners.Count > 0 ? $" Top Layer of: [{string.Join(' ', owners)}]" : "";
        return $"ID: {StorageId(state, layer)[..12]} Size: {Size(layer.Size, 4),7}{tags}";
    }

    /// <summary>
    /// The ID containers/storage would give this layer, which Podman prints: containers/image
    /// names a pulled or loaded layer by its diff id when it is the base, else by
    /// sha256(parent's ID + "+" + diff id hex). Our store keys layers by OCI chain id instead
    /// (the same for the base, different above it), so the tree shows Podman's form.
    /// </summary>
    private static string StorageId(StoreState state, LayerRecord layer)
    {
        if (layer.DiffId is null)
        {
            return layer.Id;
        }

        var diffId = Digests.Hex(layer.DiffId);
        var parent = layer.Parent is null ? null : state.FindLayer(layer.Parent);
        return parent is null
            ? diffId
            : Digests.Hex(Digests.Of(System.Text.Encoding.ASCII.GetBytes(StorageId(state, parent) + "+" + diffId)));
    }

    private long MetadataSize(string imageId)
    {
        var directory = store.ImageDirectory(imageId);
        return new[] { "manifest", "config.json" }
            .Select(f => new FileInfo(Path.Combine(directory, f)))
            .Where(f => f.Exists)
            .Sum(f => f.Length);
    }

    /// <summary>go-units' HumanSizeWithPrecision: decimal units, %.Ng, no space.</summary>
    private static string Size(double size, int precision)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        var unit = 0;
        while (size >= 1000 && unit < units.Length - 1)
        {
            size /= 1000;
            unit++;
        }

        return size.ToString("G" + precision, CultureInfo.InvariantCulture) + units[unit];
    }
}
