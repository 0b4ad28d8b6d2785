using System.Text;
using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>Image manifests and manifest lists as registries and archives store them.</summary>
public static class ManifestDocuments
{
    /// <summary>A manifest whose layers are the gzip blobs (what a registry serves).</summary>
    public static byte[] ForRegistry(TestImage image, ManifestFormat format)
    {
        var oci = format == ManifestFormat.Oci;
        var layerType = oci ? MediaTypes.OciLayerGzip : MediaTypes.DockerLayerGzip;
        var layers = image.Layers.Select(l => Descriptor(layerType, l.Gzip.Length, l.GzipDigest));
        return Manifest(image, format, layers);
    }

    /// <summary>An OCI manifest whose layers are the plain tars (what oci-archive holds).</summary>
    public static byte[] ForOciArchive(TestImage image)
    {
        var layers = image.Layers.Select(l => Descriptor(MediaTypes.OciLayer, l.Tar.Length, l.DiffId));
        return Manifest(image, ManifestFormat.Oci, layers);
    }

    /// <summary>A manifest list (Docker) or image index (OCI) naming one manifest per platform.</summary>
    public static byte[] List(
        ManifestFormat format,
        IEnumerable<(TestImage Image, byte[] Manifest)> entries)
    {
        var oci = format == ManifestFormat.Oci;
        var manifestType = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        var manifests = entries.Select(e =>
        {
            var descriptor = Descriptor(manifestType, e.Manifest.Length, Digests.Sha256(e.Manifest));
            descriptor["platform"] = new JsonObject
            {
                ["architecture"] = e.Image.Architecture,
                ["os"] = e.Image.Os,
            };
            return (JsonNode)descriptor;
        });
        var list = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = oci ? MediaTypes.OciIndex : MediaTypes.DockerManifestList,
            ["manifests"] = new JsonArray(manifests.ToArray()),
        };
        return Encoding.UTF8.GetBytes(list.ToJsonString());
    }

    public static JsonObject Descriptor(string mediaType, long size, string digest) => new()
    {
        ["mediaType"] = mediaType,
        ["size"] = size,
        ["digest"] = digest,
    };

    private static byte[] Manifest(
        TestImage image,
        ManifestFormat format,
        IEnumerable<JsonObject> layers)
    {
        var oci = format == ManifestFormat.Oci;
        var configType = oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig;
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest,
            ["config"] = Descriptor(configType, image.Config.Length, image.ConfigDigest),
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)l).ToArray()),
        };
        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }
}
