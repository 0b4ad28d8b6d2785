using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// Reads a <c>dir:</c> image: manifest.json, then the config and layers as files named by
/// hex digest, each checked against its digest and size before use.
/// </summary>
internal static class DirectoryTransportReader
{
    public static async Task<ImageCommit> ReadAsync(
        string directory,
        string input,
        CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new InvalidInputException($"{input}: no manifest.json");
        }

        var body = await File.ReadAllBytesAsync(manifestPath, cancellationToken);
        if (Schema1.Schema1Converter.IsSchema1(body, null))
        {
            return await ReadSchema1Async(directory, body, cancellationToken);
        }

        var manifest = Manifest.Parse(body, null);
        if (manifest.IsIndex)
        {
            throw new InvalidInputException($"{input}: holds a manifest list, not an image");
        }

        var config = await File.ReadAllBytesAsync(await VerifiedAsync(directory, manifest.Config!, cancellationToken), cancellationToken);
        var diffIds = ImageConfigDocument.Parse(config).DiffIds;
        if (diffIds.Count != manifest.Layers.Count)
        {
            throw new InvalidInputException(
                $"{input}: config lists {diffIds.Count} layers, manifest {manifest.Layers.Count}");
        }

        var layers = new List<LayerSource>();
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            var path = await VerifiedAsync(directory, manifest.Layers[i], cancellationToken);
            layers.Add(ArchiveBlobs.Layer(path, manifest.Layers[i].Digest, diffIds[i]));
        }

        return new ImageCommit(config, body, manifest.MediaType, [Digests.Of(body)], [], layers);
    }

    /// <summary>
    /// A schema 1 dir: image (as <c>skopeo copy --format v2s1</c> writes it) is converted as a
    /// schema 1 pull is, its layers read from the directory; the image keeps the schema 1
    /// manifest's digest, over the payload without signatures, as containers/image does.
    /// </summary>
    private static async Task<ImageCommit> ReadSchema1Async(
        string directory,
        byte[] body,
        CancellationToken cancellationToken)
    {
        var converted = await Schema1.Schema1Converter.ConvertAsync(
            body,
            async (digest, ct) => await Schema1.Schema1Converter.MeasureFileAsync(
                await VerifiedAsync(directory, new Descriptor("", digest, -1), ct), ct),
            cancellationToken);
        var manifest = Manifest.Parse(converted.Manifest, MediaTypes.DockerManifest);
        var diffIds = ImageConfigDocument.Parse(converted.Config).DiffIds;
        var layers = manifest.Layers
            .Select((layer, i) => ArchiveBlobs.Layer(
                Path.Combine(directory, Digests.Hex(layer.Digest)), layer.Digest, diffIds[i]))
            .ToList();
        return new ImageCommit(
            converted.Config, converted.Manifest, manifest.MediaType, [converted.Digest], [], layers);
    }

    private static async Task<string> VerifiedAsync(string directory, Descriptor blob, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, Digests.Hex(blob.Digest));
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"{directory}: lacks blob {blob.Digest}");
        }

        var (digest, size) = await ArchiveBlobs.HashAsync(path, cancellationToken);
        BlobFetcher.Verify(blob, size, digest);
        return path;
    }
}
