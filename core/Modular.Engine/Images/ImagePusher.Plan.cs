using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

public sealed partial class ImagePusher
{
    private const string OciConfigType = "application/vnd.oci.image.config.v1+json";
    private const string DockerConfigType = "application/vnd.docker.container.image.v1+json";

    private async Task<PushPlan> PlanAsync(
        ImageRecord image,
        StoreState state,
        PushOptions push,
        string temp,
        CancellationToken cancellationToken)
    {
        var directory = store.ImageDirectory(image.Id);
        var configBytes = await File.ReadAllBytesAsync(Path.Combine(directory, "config.json"), cancellationToken);
        var wanted = push.CompressionFormat is null ? (BlobCompression?)null
            : BlobCompressions.Parse(push.CompressionFormat);
        var diffIds = ImageConfigDocument.Parse(configBytes).DiffIds;
        var kept = diffIds.Select(d => _blobs.Find(d) ?? throw NotKept(image, d)).ToList();
        var type = ManifestType(push.Format, wanted, image.ManifestMediaType, kept);

        var layers = new List<PushedLayer>();
        for (var i = 0; i < diffIds.Count; i++)
        {
            var target = TargetCompression(wanted, kept[i].Compression);
            layers.Add(await PrepareAsync(kept[i], diffIds[i], target, type, push, temp, cancellationToken));
        }

        var configType = type == MediaTypes.OciManifest ? OciConfigType : DockerConfigType;
        var config = new Descriptor(configType, Digests.Of(configBytes), configBytes.Length);
        var stored = Path.Combine(directory, "manifest");
        var manifest = File.Exists(stored) && Unchanged(await File.ReadAllBytesAsync(stored, cancellationToken), type, config, layers)
            ? await File.ReadAllBytesAsync(stored, cancellationToken)
            : PushManifest.Write(type, config, layers.Select(l => l.Descriptor));
        return new PushPlan(layers, config, configBytes, manifest, type);
    }

    /// <summary>The manifest type to write: the flag's, else the image's own; zstd needs OCI.</summary>
    private static string ManifestType(
        string? format,
        BlobCompression? wanted,
        string stored,
        IReadOnlyList<KeptBlob> kept)
    {
        var type = format switch
        {
            "oci" => MediaTypes.OciManifest,
            "v2s2" or "docker" => MediaTypes.DockerManifest,
            // Limitation: schema 1 needs a signed (JWS) manifest that registries have
            // deprecated; we refuse instead of writing one.
            "v2s1" => throw new InvalidInputException(
                "manifest type v2s1 (Docker schema 1) is not supported for writing; use --format v2s2 or oci"),
            null => stored == MediaTypes.OciManifest ? MediaTypes.OciManifest : MediaTypes.DockerManifest,
            _ => throw new InvalidInputException(
                $"unknown format \"{format}\". Choose one of the supported formats: 'oci', 'v2s1', or 'v2s2'"),
        };
        var zstd = wanted == BlobCompression.Zstd
            || (wanted is null && kept.Any(k => k.Compression == BlobCompression.Zstd));
        if (zstd && type == MediaTypes.DockerManifest)
        {
            // Current Podman writes zstd only into OCI manifests: Docker's has no zstd type.
            return format is "v2s2" or "docker" && wanted == BlobCompression.Zstd
                ? throw new InvalidInputException(
                    "zstd compression needs an OCI manifest; use --format oci")
                : MediaTypes.OciManifest;
        }

        return type;
    }

    private static BlobCompression TargetCompression(BlobCompression? wanted, BlobCompression kept)
    {
        if (wanted is { } chosen)
        {
            return chosen;
        }

        // Registries get compressed layers: an uncompressed kept blob (from a
        // docker-archive) is gzipped, as Podman does.
        return kept == BlobCompression.None ? BlobCompression.Gzip : kept;
    }

    private static bool Unchanged(
        byte[] stored,
        string type,
        Descriptor config,
        IReadOnlyList<PushedLayer> layers)
    {
        try
        {
            var manifest = Manifest.Parse(stored, null);
            return manifest.MediaType == type
                && manifest.Config?.Digest == config.Digest
                && manifest.Config.MediaType == config.MediaType
                && manifest.Layers.Count == layers.Count
                && manifest.Layers.Zip(layers).All(p =>
                    p.First.Digest == p.Second.Descriptor.Digest
                    && p.First.Size == p.Second.Descriptor.Size
                    && p.First.MediaType == p.Second.Descriptor.MediaType);
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    private static InvalidInputException NotKept(ImageRecord image, string diffId) =>
        // Limitation: a layer stored before blobs were kept cannot be rebuilt byte for
        // byte from the unpacked files; saying so beats pushing an image with new ids.
        new($"image {image.Id[..12]}: the blob of layer {diffId} was not kept when it was "
            + "stored; pull or load the image again to push it");
}
