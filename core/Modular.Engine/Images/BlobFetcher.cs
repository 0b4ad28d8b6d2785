using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// Streams a blob to a destination while hashing it, and refuses it unless its size and
/// digest are the ones the manifest promised. Nothing downstream sees an unverified blob.
/// </summary>
internal static class BlobFetcher
{
    /// <summary>Downloads <paramref name="blob"/> into <paramref name="destination"/>, verified.</summary>
    public static async Task FetchAsync(
        RegistryClient client,
        string repository,
        Descriptor blob,
        Stream destination,
        CancellationToken cancellationToken)
    {
        using var response = await client.GetBlobAsync(repository, blob.Digest, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var hashing = new HashingStream(body, leaveOpen: true);
        var limit = blob.Size >= 0 ? blob.Size + 1 : long.MaxValue;
        await CopyAtMostAsync(hashing, destination, limit, cancellationToken);
        Verify(blob, hashing.BytesRead, await hashing.FinishIfWithinAsync(limit, cancellationToken));
    }

    /// <summary>Refuses a blob whose size or digest differs from its descriptor.</summary>
    public static void Verify(Descriptor blob, long size, string digest)
    {
        if (blob.Size >= 0 && size != blob.Size)
        {
            throw new InvalidInputException(
                $"blob {blob.Digest}: size did not match, expected {blob.Size}, got at least {size}");
        }

        if (digest != blob.Digest)
        {
            throw new InvalidInputException(
                $"blob {blob.Digest}: digest did not match, expected {blob.Digest}, got {digest}");
        }
    }

    private static async Task<string> FinishIfWithinAsync(
        this HashingStream hashing,
        long limit,
        CancellationToken cancellationToken) =>
        hashing.BytesRead >= limit ? "" : await hashing.FinishAsync(cancellationToken);

    // A registry that sends more than promised is cut off at one byte over, so a hostile
    // server cannot fill the disk before the size check refuses the blob.
    private static async Task CopyAtMostAsync(
        Stream source,
        Stream destination,
        long limit,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        while (total < limit)
        {
            var want = (int)Math.Min(buffer.Length, limit - total);
            var n = await source.ReadAsync(buffer.AsMemory(0, want), cancellationToken);
            if (n == 0)
            {
                return;
            }

            await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            total += n;
        }
    }
}
