using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// An OCI image layout (image-spec layout.md): <c>oci-layout</c>, <c>index.json</c> naming
/// the manifest (with <c>org.opencontainers.image.ref.name</c> when a name is given) and
/// blobs/sha256/HEX. Layers are compressed as containers/image's layout writer does: a plain
/// tar gets gzip, a compressed blob is kept. An existing layout keeps its other images.
/// </summary>
internal sealed class OciLayoutWriter(ImageExportPlanner planner)
{
    public const string RefName = "org.opencontainers.image.ref.name";

    public async Task WriteAsync(
        StoredImage image,
        string directory,
        string? refName,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var exported = await planner.WriteLayersAsync(
            image, blobs, options.Compression, ensureCompressed: true, level: null, cancellationToken);
        var manifest = ManifestComposer.Compose(exported, MediaTypes.OciManifest);

        foreach (var layer in exported.Layers)
        {
            File.Move(layer.TempPath, Path.Combine(blobs, Digests.Hex(layer.Digest)), overwrite: true);
        }

        await WriteBlobAsync(blobs, exported.Config, cancellationToken);
        var manifestDigest = await WriteBlobAsync(blobs, manifest, cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}", cancellationToken);
        var entry = new JsonObject
        {
            ["mediaType"] = MediaTypes.OciManifest,
            ["digest"] = manifestDigest,
            ["size"] = manifest.Length,
        };
        if (refName is not null)
        {
            entry["annotations"] = new JsonObject { [RefName] = refName };
        }

        await WriteIndexAsync(directory, entry, refName, cancellationToken);
    }

    private static async Task<string> WriteBlobAsync(string blobs, byte[] data, CancellationToken cancellationToken)
    {
        var digest = Digests.Of(data);
        await File.WriteAllBytesAsync(Path.Combine(blobs, Digests.Hex(digest)), data, cancellationToken);
        return digest;
    }

    /// <summary>Adds the entry, replacing one with the same ref name (or, unnamed, the same digest).</summary>
    private static async Task WriteIndexAsync(
        string directory,
        JsonObject entry,
        string? refName,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "index.json");
        var index = File.Exists(path)
            ? JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken)) as JsonObject ?? []
            : [];
        var manifests = index["manifests"] as JsonArray ?? [];
        var kept = manifests.Where(m => m is not null && !Replaced(m, entry, refName))
            .Select(m => m!.DeepClone()).ToList();
        kept.Add(entry);
        var result = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray([.. kept]),
        };
        await File.WriteAllBytesAsync(path, TransportJson.Bytes(result), cancellationToken);
    }

    private static bool Replaced(JsonNode existing, JsonObject entry, string? refName) =>
        refName is null
            ? existing["digest"]?.ToString() == entry["digest"]!.ToString()
            : existing["annotations"]?[RefName]?.ToString() == refName;
}
