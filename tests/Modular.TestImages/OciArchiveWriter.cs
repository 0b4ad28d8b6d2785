using System.Text;
using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>
/// Writes an oci-archive: a tar of an OCI image layout (oci-layout, index.json,
/// blobs/sha256/...) with the reference name as the ref.name annotation.
/// </summary>
public static class OciArchiveWriter
{
    private const string RefNameKey = "org.opencontainers.image.ref.name";

    public static async Task WriteAsync(
        TestImage image,
        string path,
        CancellationToken cancellationToken = default)
    {
        await using var tar = new ArchiveTar(path);
        await tar.AddFileAsync(
            "oci-layout",
            Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}"),
            cancellationToken);
        await tar.AddDirectoryAsync("blobs", cancellationToken);
        await tar.AddDirectoryAsync("blobs/sha256", cancellationToken);

        await AddBlobAsync(tar, image.Config, cancellationToken);
        foreach (var layer in image.Layers)
        {
            await AddBlobAsync(tar, layer.Tar, cancellationToken);
        }

        var manifest = ManifestDocuments.ForOciArchive(image);
        await AddBlobAsync(tar, manifest, cancellationToken);
        await tar.AddFileAsync("index.json", Index(image, manifest), cancellationToken);
    }

    private static Task AddBlobAsync(ArchiveTar tar, byte[] blob, CancellationToken cancellationToken) =>
        tar.AddFileAsync("blobs/sha256/" + Digests.Hex(Digests.Sha256(blob)), blob, cancellationToken);

    private static byte[] Index(TestImage image, byte[] manifest)
    {
        var descriptor = ManifestDocuments.Descriptor(
            MediaTypes.OciManifest,
            manifest.Length,
            Digests.Sha256(manifest));
        descriptor["annotations"] = new JsonObject { [RefNameKey] = image.Name };
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(descriptor),
        };
        return Encoding.UTF8.GetBytes(index.ToJsonString());
    }
}
