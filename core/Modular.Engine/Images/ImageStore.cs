using Modular.Engine.Locking;
using System.Text.Json;
using Modular.Engine.Configuration;
using Modular.Engine.State;

namespace Modular.Engine.Images;

/// <summary>
/// Image and layer metadata under graphroot: images/images.json, layers/layers.json and
/// images/&lt;id&gt;/{manifest,config.json}. Files are replaced atomically (temp + rename),
/// so readers need no lock; writers hold graphroot/storage.lock.
/// </summary>
public sealed class ImageStore(EngineOptions options)
{
    private static readonly JsonSerializerOptions Json = StoreJsonContext.WebOptions();

    public string GraphRoot => options.GraphRoot;

    public string ImagesDirectory => Path.Combine(options.GraphRoot, "images");

    public string LayersDirectory => Path.Combine(options.GraphRoot, "layers");

    /// <summary>Where downloads and archive extraction go: same file system, so rename works.</summary>
    public string TempDirectory => Path.Combine(options.GraphRoot, "tmp");

    private string ImagesFile => Path.Combine(ImagesDirectory, "images.json");

    private string LayersFile => Path.Combine(LayersDirectory, "layers.json");

    /// <summary>The directory that holds an image's manifest and config.</summary>
    public string ImageDirectory(string imageId) => Path.Combine(ImagesDirectory, imageId);

    /// <summary>A consistent snapshot without taking the lock.</summary>
    public async Task<StoreState> ReadAsync(CancellationToken cancellationToken) => new()
    {
        Images = await ReadListAsync<ImageRecord>(ImagesFile, cancellationToken),
        Layers = await ReadListAsync<LayerRecord>(LayersFile, cancellationToken),
    };

    /// <summary>Takes graphroot/storage.lock (blocking) for a read-modify-write.</summary>
    public Task<FileLock> LockAsync(CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(Path.Combine(options.GraphRoot, "storage.lock"), cancellationToken);

    /// <summary>A per-blob lock, so one process downloads a blob while others wait for it.</summary>
    public Task<FileLock> LockBlobAsync(string digest, CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(BlobLockPath(digest), cancellationToken);

    /// <summary>The blob's per-digest lock if no pull holds it now, else null.</summary>
    public FileLock? TryLockBlob(string digest) => FileLock.TryAcquire(BlobLockPath(digest));

    private string BlobLockPath(string digest) =>
        Path.Combine(LayersDirectory, "locks", Digests.Hex(digest) + ".lock");

    /// <summary>Writes both files; the caller holds the store lock.</summary>
    public async Task WriteAsync(StoreState state, CancellationToken cancellationToken)
    {
        var layers = JsonSerializer.SerializeToUtf8Bytes(state.Layers, Json);
        await WriteIfChangedAsync(LayersFile, layers, cancellationToken);
        var images = JsonSerializer.SerializeToUtf8Bytes(state.Images, Json);
        await WriteIfChangedAsync(ImagesFile, images, cancellationToken);
    }

    // Most writes change one file of the two (a container's layer touches layers.json
    // only); rewriting the other with the same bytes cost a temp file, an fsync and a
    // rename each time. The caller's store lock keeps the compare and the write together.
    private static async Task WriteIfChangedAsync(
        string path,
        byte[] data,
        CancellationToken cancellationToken)
    {
        if (File.Exists(path)
            && (await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(data))
        {
            return;
        }

        await WriteAtomicAsync(path, data, cancellationToken);
    }

    /// <summary>Writes <paramref name="data"/> to a temp file beside the target, then renames.</summary>
    public static async Task WriteAtomicAsync(
        string path,
        byte[] data,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await file.WriteAsync(data, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static async Task<List<T>> ReadListAsync<T>(
        string path,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(file, Json, cancellationToken) ?? [];
    }
}
