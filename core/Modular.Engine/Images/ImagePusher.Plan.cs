using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

public sealed partial class ImagePusher
{
    /// <summary>
    /// Writes the layer blobs a push sends through the same exporter as save (the kept
    /// blob when its compression is the one wanted, else recompressed; a registry always
    /// gets compressed layers), settles the config, and composes the manifest.
    /// </summary>
    private async Task<PushPlan> PlanAsync(
        string source,
        PushOptions push,
        string temp,
        ImageReference target,
        CancellationToken cancellationToken)
    {
        if (push.Format == "v2s1")
        {
            return await PlanSchema1Async(source, push, temp, target, cancellationToken);
        }

        var format = FormatOf(push.Format);
        var wanted = push.CompressionFormat is null
            ? LayerCompression.Preserve
            : BlobEncodings.Parse(push.CompressionFormat) == BlobEncoding.Zstd
                ? LayerCompression.Zstd
                : LayerCompression.Gzip;
        var image = await _reader.ReadAsync(source, cancellationToken);
        Directory.CreateDirectory(temp);
        var exported = await _planner.WriteLayersAsync(
            image, temp, wanted, ensureCompressed: true, push.CompressionLevel, cancellationToken);

        var preferred = image.Record.ManifestMediaType == MediaTypes.OciManifest
            ? MediaTypes.OciManifest
            : MediaTypes.DockerManifest;
        var type = ManifestComposer.MediaTypeFor(format, exported, preferred);
        var oci = type == MediaTypes.OciManifest;
        var layers = exported.Layers.Select((blob, i) => new PushedLayer(
            new Descriptor(ManifestComposer.LayerType(oci, blob.Compression), blob.Digest, blob.Size),
            blob.TempPath,
            blobs.SourcesOf(image.Layers[i].Id))).ToList();
        var configType = oci ? ManifestComposer.OciConfigType : ManifestComposer.DockerConfigType;
        var config = new Descriptor(configType, exported.ConfigDigest, exported.Config.Length);
        return new PushPlan(
            image.Record.Id, layers, config, exported.Config, ManifestComposer.Compose(exported, type), type);
    }

    private static ManifestFormat FormatOf(string? format) => format switch
    {
        null => ManifestFormat.Default,
        "oci" => ManifestFormat.Oci,
        "v2s2" or "docker" => ManifestFormat.DockerV2Schema2,
        _ => throw new InvalidInputException(
            $"unknown format \"{format}\". Choose on of the supported formats: 'oci', 'v2s1', or 'v2s2'"),
    };
}
