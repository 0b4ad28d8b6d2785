using System.Text.Json;

namespace Modular.Engine.Images;

/// <summary>
/// The kept blobs of image layers, in graphroot/layer-blobs/&lt;diff id hex&gt;/{blob,blob.json}.
/// The storage driver keeps only the unpacked files, from which the original tar cannot be
/// rebuilt byte for byte; keeping the blob is what lets push reproduce the diff ids and
/// digests the image config and manifest name. Writers hold the store lock.
/// </summary>
public sealed class LayerBlobs(ImageStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Root => Path.Combine(store.GraphRoot, "layer-blobs");

    /// <summary>The kept blob of the layer with <paramref name="diffId"/>, or null.</summary>
    public KeptBlob? Find(string diffId)
    {
        var directory = DirectoryOf(diffId);
        var meta = Path.Combine(directory, "blob.json");
        if (!File.Exists(meta))
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<Meta>(File.ReadAllBytes(meta), Json);
        return record is null
            ? null
            : new KeptBlob(
                Path.Combine(directory, "blob"),
                record.Digest,
                record.Size,
                Enum.Parse<BlobCompression>(record.Compression, ignoreCase: true),
                record.Sources);
    }

    /// <summary>Notes that the blob <paramref name="digest"/> lives in <paramref name="source"/> too.</summary>
    public void AddSource(string diffId, string digest, string source)
    {
        var meta = Path.Combine(DirectoryOf(diffId), "blob.json");
        var record = File.Exists(meta)
            ? JsonSerializer.Deserialize<Meta>(File.ReadAllBytes(meta), Json)
            : null;
        if (record is null || record.Digest != digest || record.Sources.Contains(source))
        {
            return;
        }

        WriteMeta(meta, record with { Sources = [.. record.Sources, source] });
    }

    /// <summary>Removes the kept blobs of layers no longer stored. The caller holds the lock.</summary>
    public void Prune(StoreState state)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var live = state.Layers.Where(l => l.DiffId is not null)
            .Select(l => Digests.Hex(l.DiffId!)).ToHashSet();
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(directory);
            if (name != "tmp" && !live.Contains(name))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Starts keeping a copy of the blob a layer is being applied from.</summary>
    internal KeptBlobWriter Begin(string diffId)
    {
        var temp = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(temp);
        return new KeptBlobWriter(this, diffId, Path.Combine(temp, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Moves a finished copy into place; the first blob kept for a diff id stays.</summary>
    internal void Place(string diffId, string tempPath, string digest, long size, BlobCompression kind)
    {
        var directory = DirectoryOf(diffId);
        if (File.Exists(Path.Combine(directory, "blob.json")))
        {
            File.Delete(tempPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.Move(tempPath, Path.Combine(directory, "blob"), overwrite: true);
        WriteMeta(Path.Combine(directory, "blob.json"), new Meta(digest, size, kind.ToString(), []));
    }

    private string DirectoryOf(string diffId) => Path.Combine(Root, Digests.Hex(diffId));

    private static void WriteMeta(string path, Meta meta)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(meta, Json));
        File.Move(temp, path, overwrite: true);
    }

    private sealed record Meta(string Digest, long Size, string Compression, string[] Sources);
}
