using Microsoft.Extensions.Logging;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// Copies one image manifest and its blobs from one repository to another, possibly on
/// another registry: blobs already there are skipped, blobs on the same registry mounted,
/// others streamed through; the manifest goes byte for byte so its digest is unchanged.
/// </summary>
internal static class RegistryCopy
{
    public static async Task CopyAsync(
        RegistryClient from,
        ImageReference source,
        RegistryClient to,
        ImageReference target,
        CopyProgress progress,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var manifest = await from.GetManifestAsync(source.Path, source.Digest ?? source.Tag!, cancellationToken);
        var parsed = Manifest.Parse(manifest.Body, manifest.MediaType);
        var uploader = new RegistryUploader(to, target.Domain!, target.Path, progress, logger);
        var sameRegistry = source.Domain == target.Domain;
        progress.Starting();
        foreach (var blob in parsed.Layers.Append(parsed.Config!).DistinctBy(b => b.Digest))
        {
            var upload = new UploadBlob(
                blob,
                async ct => await OpenAsync(from, source, blob, ct),
                sameRegistry ? [source.Repository] : []);
            await uploader.UploadAsync(upload, isConfig: blob == parsed.Config, cancellationToken);
        }

        progress.WritingManifest();
        var type = string.IsNullOrEmpty(parsed.MediaType) ? manifest.MediaType : parsed.MediaType;
        await uploader.PutManifestAsync(manifest.Digest, manifest.Body, type, cancellationToken);
    }

    /// <summary>Downloads a blob into a temp file, verified, so the upload can know its length.</summary>
    private static async Task<Stream> OpenAsync(
        RegistryClient from,
        ImageReference source,
        Descriptor blob,
        CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await BlobFetcher.FetchAsync(from, source.Path, blob, file, cancellationToken);
        file.Position = 0;
        return file;
    }
}
