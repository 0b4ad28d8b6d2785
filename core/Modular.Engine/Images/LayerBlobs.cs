namespace Modular.Engine.Images;

/// <summary>
/// The blob each image layer was applied from, kept byte for byte under
/// graphroot/layers/blobs/&lt;layer id&gt;. Podman keeps tar-split metadata to rebuild the
/// exact tar; we keep the blob itself, so a save or push writes the digests the image was
/// pulled or loaded with, and its config's diff ids stay true. A layer without a kept blob
/// (stored before blobs were kept) is re-tarred from the driver by the exporter.
/// </summary>
public sealed class LayerBlobs(ImageStore store)
{
    private string Directory => Path.Combine(store.LayersDirectory, "blobs");

    /// <summary>Where the blob of <paramref name="layerId"/> is kept.</summary>
    public string PathOf(string layerId) => Path.Combine(Directory, layerId);

    /// <summary>True when the layer's original blob is kept.</summary>
    public bool Has(string layerId) => File.Exists(PathOf(layerId));

    /// <summary>Copies what is read from <paramref name="source"/> to the layer's blob file.</summary>
    public KeptBlobStream Keep(string layerId, Stream source)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return new KeptBlobStream(source, PathOf(layerId));
    }

    /// <summary>
    /// "registry/repository" names the layer's kept blob was pulled from, so a push to
    /// another repository of that registry can mount it instead of uploading it.
    /// </summary>
    public IReadOnlyList<string> SourcesOf(string layerId)
    {
        var path = Path.Combine(SourcesDirectory, layerId);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>Notes that the layer's kept blob also lives in <paramref name="source"/>.</summary>
    public void AddSource(string layerId, string source)
    {
        var known = SourcesOf(layerId);
        if (!Has(layerId) || known.Contains(source))
        {
            return;
        }

        System.IO.Directory.CreateDirectory(SourcesDirectory);
        var path = Path.Combine(SourcesDirectory, layerId);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllLines(temp, [.. known, source]);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Removes the blobs of layers no longer in <paramref name="state"/>; the caller holds the lock.</summary>
    public void Sweep(StoreState state)
    {
        var known = state.Layers.Select(l => l.Id).ToHashSet();
        foreach (var directory in new[] { Directory, SourcesDirectory })
        {
            if (!System.IO.Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(directory))
            {
                if (!known.Contains(Path.GetFileName(file)))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private string SourcesDirectory => Path.Combine(store.LayersDirectory, "blob-sources");
}
