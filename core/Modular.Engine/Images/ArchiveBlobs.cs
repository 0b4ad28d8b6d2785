using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>Blobs of an extracted archive, read only after their digest is checked.</summary>
internal static class ArchiveBlobs
{
    /// <summary>The digest and size of a file, in one pass.</summary>
    public static async Task<(string Digest, long Size)> HashAsync(
        string path,
        CancellationToken cancellationToken)
    {
        await using var hashing = new HashingStream(File.OpenRead(path));
        var digest = await hashing.FinishAsync(cancellationToken);
        return (digest, hashing.BytesRead);
    }

    /// <summary>Reads blobs/sha256/HEX after checking it matches <paramref name="blob"/>.</summary>
    public static async Task<byte[]> ReadVerifiedAsync(
        string directory,
        Descriptor blob,
        CancellationToken ct)
    {
        var path = await VerifiedPathAsync(directory, blob, ct);
        return await File.ReadAllBytesAsync(path, ct);
    }

    /// <summary>The path of blobs/sha256/HEX, refused unless it matches <paramref name="blob"/>.</summary>
    public static async Task<string> VerifiedPathAsync(
        string directory,
        Descriptor blob,
        CancellationToken ct)
    {
        var path = Path.Combine(directory, "blobs", "sha256", Digests.Hex(blob.Digest));
        if (!File.Exists(path))
        {
            throw new Contracts.Errors.InvalidInputException($"archive lacks blob {blob.Digest}");
        }

        var (digest, size) = await HashAsync(path, ct);
        BlobFetcher.Verify(blob, size, digest);
        return path;
    }

    public static LayerSource Layer(string path, string digest, string diffId) =>
        new(digest, diffId, _ => Task.FromResult<Stream>(File.OpenRead(path)));
}
