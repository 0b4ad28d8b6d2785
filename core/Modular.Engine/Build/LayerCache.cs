using System.Security.Cryptography;
using System.Text;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

/// <summary>
/// Maps a step's cache key (parent image, instruction as run, digest of the files it reads,
/// ARG values) to the image that step committed. A key file whose image is gone is a miss;
/// the images themselves are the intermediate images <c>images -a</c> lists.
/// </summary>
public sealed class LayerCache(ImageStore store)
{
    private string Directory => Path.Combine(store.GraphRoot, "build-cache");

    /// <summary>Where RUN --mount=type=cache directories persist between builds.</summary>
    public string MountsDirectory => Path.Combine(store.GraphRoot, "build-cache-mounts");

    public static string Key(params string?[] parts)
    {
        var text = string.Join("\n\0", parts.Select(p => p ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, key);
        if (!File.Exists(path))
        {
            return null;
        }

        var id = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        var state = await store.ReadAsync(cancellationToken);
        if (state.Images.Exists(i => i.Id == id))
        {
            return id;
        }

        // The image was removed: the key must not outlive it.
        File.Delete(path);
        return null;
    }

    /// <summary>
    /// Removes every key whose image is gone (after <c>image prune</c>), and with
    /// <paramref name="mounts"/> the cache-mount directories too (<c>--build-cache</c>).
    /// </summary>
    public async Task PruneAsync(bool mounts, CancellationToken cancellationToken)
    {
        if (mounts && System.IO.Directory.Exists(MountsDirectory))
        {
            System.IO.Directory.Delete(MountsDirectory, recursive: true);
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        var ids = (await store.ReadAsync(cancellationToken)).Images
            .Select(i => i.Id)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory).ToList())
        {
            if (!ids.Contains((await File.ReadAllTextAsync(path, cancellationToken)).Trim()))
            {
                File.Delete(path);
            }
        }
    }

    public async Task StoreAsync(string key, string imageId, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await ImageStore.WriteAtomicAsync(
            Path.Combine(Directory, key), Encoding.UTF8.GetBytes(imageId), cancellationToken);
    }
}
