using Microsoft.Extensions.Logging;

namespace Modular.Engine.Registry;

/// <summary>
/// Uploads blobs and then manifests to one repository. Each blob is first checked with a
/// HEAD and skipped when present; then mounted from another repository of the same
/// registry when it is known to be there; else uploaded, in one PUT when small
/// (monolithic) and in PATCHed chunks closed by a PUT when larger than
/// <paramref name="monolithicLimit"/>. Reusable for manifest lists: upload the children's
/// blobs and manifests, then the list, with <see cref="PutManifestAsync"/>.
/// </summary>
public sealed class RegistryUploader(
    RegistryClient client,
    string domain,
    string repository,
    CopyProgress progress,
    ILogger logger,
    long monolithicLimit = RegistryUploader.DefaultMonolithicLimit,
    int chunkSize = RegistryUploader.DefaultChunkSize)
{
    /// <summary>Blobs up to this size go in one PUT.</summary>
    public const long DefaultMonolithicLimit = 1 << 20;

    /// <summary>Size of each PATCH of a chunked upload.</summary>
    public const int DefaultChunkSize = 8 << 20;

    /// <summary>Makes sure the repository has <paramref name="blob"/>; reports it as a layer or the config.</summary>
    public async Task UploadAsync(UploadBlob blob, bool isConfig, CancellationToken cancellationToken)
    {
        var digest = blob.Descriptor.Digest;
        if (await client.BlobExistsAsync(repository, digest, cancellationToken)
            || await TryMountAsync(blob, cancellationToken))
        {
            Report(digest, isConfig, skipped: true);
            return;
        }

        await using var stream = await blob.Open(cancellationToken);
        if (blob.Descriptor.Size >= 0 && blob.Descriptor.Size <= monolithicLimit)
        {
            await MonolithicAsync(stream, digest, cancellationToken);
        }
        else
        {
            await ChunkedAsync(stream, digest, blob.Descriptor.Size, cancellationToken);
        }

        Report(digest, isConfig, skipped: false);
    }

    /// <summary>PUTs a manifest under a tag or digest.</summary>
    public Task PutManifestAsync(
        string reference,
        byte[] manifest,
        string mediaType,
        CancellationToken cancellationToken) =>
        client.PutManifestAsync(repository, reference, manifest, mediaType, cancellationToken);

    private async Task<bool> TryMountAsync(UploadBlob blob, CancellationToken cancellationToken)
    {
        var prefix = domain + "/";
        foreach (var source in blob.MountSources)
        {
            var from = source.StartsWith(prefix, StringComparison.Ordinal) ? source[prefix.Length..] : null;
            if (from is null || from == repository)
            {
                continue;
            }

            logger.LogDebug("Mounting blob {Digest} from {Repository}", blob.Descriptor.Digest, from);
            if (await client.MountBlobAsync(repository, blob.Descriptor.Digest, from, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task MonolithicAsync(Stream stream, string digest, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var location = await client.StartUploadAsync(repository, cancellationToken);
        logger.LogDebug("Uploading blob {Digest} in one request", digest);
        await client.FinishUploadAsync(repository, location, digest, buffer.ToArray(), cancellationToken);
    }

    private async Task ChunkedAsync(
        Stream stream,
        string digest,
        long total,
        CancellationToken cancellationToken)
    {
        var location = await client.StartUploadAsync(repository, cancellationToken);
        var buffer = new byte[chunkSize];
        long sent = 0;
        while (true)
        {
            var n = await stream.ReadAtLeastAsync(buffer, chunkSize, throwOnEndOfStream: false, cancellationToken);
            if (n == 0)
            {
                break;
            }

            logger.LogDebug("Uploading bytes {Start}-{End} of blob {Digest}", sent, sent + n - 1, digest);
            location = await client.UploadChunkAsync(
                repository, location, buffer.AsMemory(0, n), sent, cancellationToken);
            sent += n;
            progress.BlobProgress(digest, sent, total);
        }

        await client.FinishUploadAsync(repository, location, digest, ReadOnlyMemory<byte>.Empty, cancellationToken);
    }

    private void Report(string digest, bool isConfig, bool skipped)
    {
        if (isConfig)
        {
            progress.ConfigDone(digest);
        }
        else if (skipped)
        {
            progress.BlobSkipped(digest);
        }
        else
        {
            progress.BlobDone(digest);
        }
    }
}
