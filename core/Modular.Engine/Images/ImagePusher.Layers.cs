using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

public sealed partial class ImagePusher
{
    /// <summary>
    /// The kept blob when it is already in <paramref name="target"/> compression; else a
    /// copy recompressed into <paramref name="temp"/>, checked against the diff id on the way.
    /// </summary>
    private async Task<PushedLayer> PrepareAsync(
        KeptBlob kept,
        string diffId,
        BlobCompression target,
        string manifestType,
        PushOptions push,
        string temp,
        CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeOf(target, manifestType);
        if (kept.Compression == target)
        {
            return new PushedLayer(new Descriptor(mediaType, kept.Digest, kept.Size), kept.Path, true, kept.Sources);
        }

        Directory.CreateDirectory(temp);
        var path = Path.Combine(temp, Digests.Hex(diffId) + "." + target.ToString().ToLowerInvariant());
        await RecompressAsync(kept, diffId, target, push.CompressionLevel, path, cancellationToken);
        var (digest, size) = await HashFileAsync(path, cancellationToken);
        Log.Recompressed(_logger, diffId, target.ToString(), digest);
        return new PushedLayer(new Descriptor(mediaType, digest, size), path, false, []);
    }

    private static async Task RecompressAsync(
        KeptBlob kept,
        string diffId,
        BlobCompression target,
        int? level,
        string path,
        CancellationToken cancellationToken)
    {
        await using var blob = File.OpenRead(kept.Path);
        await using var tar = await LayerStreams.DecompressAsync(blob, cancellationToken);
        await using var hashing = new HashingStream(tar, leaveOpen: true);
        await using (var file = File.Create(path))
        {
            await using var compressing = BlobCompressions.OpenCompressing(file, target, level);
            await hashing.CopyToAsync(compressing, cancellationToken);
        }

        // The kept blob was verified when stored; a mismatch now means it was altered on disk.
        var actual = await hashing.FinishAsync(cancellationToken);
        if (actual != diffId)
        {
            throw new InvalidInputException(
                $"kept blob {kept.Digest} no longer matches layer {diffId} (got {actual})");
        }
    }

    private static async Task<(string Digest, long Size)> HashFileAsync(
        string path,
        CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var hashing = new HashingStream(file);
        var digest = await hashing.FinishAsync(cancellationToken);
        return (digest, hashing.BytesRead);
    }

    private static string MediaTypeOf(BlobCompression compression, string manifestType) =>
        manifestType == MediaTypes.OciManifest
            ? BlobCompressions.OciMediaType(compression)
            : BlobCompressions.DockerMediaType(compression);
}
