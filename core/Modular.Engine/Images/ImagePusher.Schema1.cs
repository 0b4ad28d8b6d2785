using Modular.Contracts.Errors;
using Modular.Engine.Images.Schema1;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

public sealed partial class ImagePusher
{
    /// <summary>
    /// Plans a <c>--format v2s1</c> push: gzip layers (schema 1 has no media types, so
    /// nothing else is readable), the empty gzip tar for history items without a layer,
    /// and a libtrust-signed manifest naming the destination's repository and tag.
    /// </summary>
    private async Task<PushPlan> PlanSchema1Async(
        string source,
        PushOptions push,
        string temp,
        ImageReference target,
        CancellationToken cancellationToken)
    {
        if (push.CompressionFormat is not null && BlobEncodings.Parse(push.CompressionFormat) == BlobEncoding.Zstd)
        {
            throw new InvalidInputException(
                $"compression format {push.CompressionFormat} is not supported by manifest type v2s1; use gzip");
        }

        var image = await _reader.ReadAsync(source, cancellationToken);
        Directory.CreateDirectory(temp);
        var exported = await _planner.WriteLayersAsync(
            image, temp, LayerCompression.Gzip, ensureCompressed: true, push.CompressionLevel, cancellationToken);
        var layers = exported.Layers.Select((blob, i) => new PushedLayer(
            new Descriptor(ManifestComposer.LayerType(false, LayerCompression.Gzip), blob.Digest, blob.Size),
            blob.TempPath,
            blobs.SourcesOf(image.Layers[i].Id))).ToList();
        if (Schema1Manifest.NeedsEmptyLayer(exported.Config, layers.Count))
        {
            layers.Add(await EmptyLayerAsync(temp, cancellationToken));
        }

        var payload = Schema1Manifest.Payload(
            target.Path, target.Tag ?? ImageReference.DefaultTag, exported.Config, [.. exported.Layers.Select(l => l.Digest)]);
        var signed = Schema1Signer.Sign(payload, DateTimeOffset.UtcNow);
        var config = new Descriptor(ManifestComposer.DockerConfigType, exported.ConfigDigest, exported.Config.Length);
        return new PushPlan(
            image.Record.Id, layers, config, exported.Config, signed.Manifest, MediaTypes.DockerSchema1Signed, signed.Digest);
    }

    private static async Task<PushedLayer> EmptyLayerAsync(string temp, CancellationToken cancellationToken)
    {
        var bytes = EmptyLayer.Bytes();
        var path = Path.Combine(temp, "empty-layer.tar.gz");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return new PushedLayer(new Descriptor(ManifestComposer.LayerType(false, LayerCompression.Gzip), EmptyLayer.Digest, bytes.Length), path, []);
    }
}
