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
        return state.Images.Exists(i => i.Id == id) ? id : null;
    }

    public async Task StoreAsync(string key, string imageId, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await ImageStore.WriteAtomicAsync(Path.Combine(Directory, key), Encoding.UTF8.GetBytes(imageId), cancellationToken);
    }
}
