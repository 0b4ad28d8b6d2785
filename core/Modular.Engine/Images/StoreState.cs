namespace Modular.Engine.Images;

/// <summary>The image and layer metadata as read from disk; edited under the store lock.</summary>
public sealed class StoreState
{
    public List<ImageRecord> Images { get; init; } = [];

    public List<LayerRecord> Layers { get; init; } = [];

    public LayerRecord? FindLayer(string id) => Layers.Find(l => l.Id == id);

    /// <summary>
    /// Replaces the image with the same id in its place, or adds it at the end: the list
    /// keeps the order images were stored in (a tag or re-pull does not move an image),
    /// which Podman's API lists follow.
    /// </summary>
    public void PutImage(ImageRecord image)
    {
        var index = Images.FindIndex(i => i.Id == image.Id);
        if (index >= 0)
        {
            Images[index] = image;
        }
        else
        {
            Images.Add(image);
        }
    }

    /// <summary>Replaces the layer with the same id, or adds it.</summary>
    public void PutLayer(LayerRecord layer)
    {
        var index = Layers.FindIndex(l => l.Id == layer.Id);
        if (index >= 0)
        {
            Layers[index] = layer;
        }
        else
        {
            Layers.Add(layer);
        }
    }

    /// <summary>Ids of every layer some image or container layer still stands on.</summary>
    public HashSet<string> LayersInUse(string? exceptImageId = null)
    {
        var used = new HashSet<string>();
        var roots = Images.Where(i => i.Id != exceptImageId).Select(i => i.TopLayer)
            .Concat(Layers.Where(l => l.IsContainerLayer).Select(l => l.Id));
        foreach (var root in roots)
        {
            for (var layer = FindLayer(root); layer is not null && used.Add(layer.Id);)
            {
                layer = layer.Parent is null ? null : FindLayer(layer.Parent);
            }
        }

        return used;
    }

    /// <summary>The chain from <paramref name="topLayerId"/> down to the base layer.</summary>
    public IEnumerable<LayerRecord> ChainOf(string topLayerId)
    {
        for (var layer = FindLayer(topLayerId); layer is not null;)
        {
            yield return layer;
            layer = layer.Parent is null ? null : FindLayer(layer.Parent);
        }
    }
}
