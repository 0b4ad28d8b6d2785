using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// The manifest an export writes: the stored one byte for byte when it still describes
/// exactly the blobs written (so its digest is kept, as containers/image keeps it), else a
/// new OCI or schema2 manifest whose layer media types say what each blob's bytes are.
/// </summary>
internal static class ManifestComposer
{
    public const string OciConfigType = "application/vnd.oci.image.config.v1+json";
    public const string DockerConfigType = "application/vnd.docker.container.image.v1+json";
    private const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    private const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";

    /// <summary>The manifest type to write for <paramref name="wanted"/> and these blobs.</summary>
    public static string MediaTypeFor(ManifestFormat wanted, ExportedImage image, string preferred)
    {
        var zstd = image.Layers.Any(l => l.Compression == LayerCompression.Zstd);
        if (zstd && wanted == ManifestFormat.DockerV2Schema2)
        {
            throw new InvalidInputException("zstd-compressed layers need the oci manifest format, not v2s2");
        }

        return wanted switch
        {
            _ when zstd => MediaTypes.OciManifest,
            ManifestFormat.Oci => MediaTypes.OciManifest,
            ManifestFormat.DockerV2Schema2 => MediaTypes.DockerManifest,
            _ => preferred,
        };
    }

    public static byte[] Compose(ExportedImage image, string mediaType)
    {
        if (StoredStillFits(image, mediaType))
        {
            return image.Image.Manifest;
        }

        var oci = mediaType == MediaTypes.OciManifest;
        var configType = oci ? OciConfigType : DockerConfigType;
        var layers = new JsonArray([.. image.Layers.Select(l =>
            (JsonNode)Descriptor(LayerType(oci, l.Compression), l.Digest, l.Size))]);
        return TransportJson.Bytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["config"] = Descriptor(configType, image.ConfigDigest, image.Config.Length),
            ["layers"] = layers,
        });
    }

    public static string LayerType(bool oci, LayerCompression compression) => (oci, compression) switch
    {
        (true, LayerCompression.Gzip) => OciLayer + "+gzip",
        (true, LayerCompression.Zstd) => OciLayer + "+zstd",
        (true, _) => OciLayer,
        (false, LayerCompression.Gzip) => DockerLayer + ".gzip",
        _ => DockerLayer,
    };

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    private static bool StoredStillFits(ExportedImage image, string mediaType)
    {
        if (image.Image.Manifest.Length == 0)
        {
            return false;
        }

        try
        {
            var stored = Manifest.Parse(image.Image.Manifest, image.Image.Record.ManifestMediaType);
            var oci = mediaType == MediaTypes.OciManifest;
            return stored.MediaType == mediaType
                && stored.Config?.Digest == image.ConfigDigest
                && stored.Layers.Count == image.Layers.Count
                && stored.Layers.Zip(image.Layers).All(p => p.First.Digest == p.Second.Digest
                    && p.First.Size == p.Second.Size
                    && p.First.MediaType == LayerType(oci, p.Second.Compression));
        }
        catch (Exception e) when (e is ModularException or JsonException)
        {
            return false;
        }
    }
}
