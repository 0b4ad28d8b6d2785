using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images;

/// <summary>
/// An extracted docker-archive (docker save): manifest.json lists, per image, a config
/// file, its RepoTags and its layer tars. We synthesise the schema2 manifest the image
/// would have had, so it gets a digest like a pulled image.
/// </summary>
internal static class DockerArchive
{
    private const string ConfigType = "application/vnd.docker.container.image.v1+json";
    private const string LayerType = "application/vnd.docker.image.rootfs.diff.tar";
    private const string GzipLayerType = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private sealed record Entry(string Config, List<string>? RepoTags, List<string> Layers);

    public static async Task<IReadOnlyList<ImageCommit>> ReadAsync(
        string directory,
        string archive,
        CancellationToken ct)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(
            await File.ReadAllBytesAsync(Path.Combine(directory, "manifest.json"), ct),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        if (entries is null || entries.Count == 0)
        {
            throw new InvalidInputException($"{archive}: manifest.json lists no image");
        }

        var commits = new List<ImageCommit>();
        foreach (var entry in entries)
        {
            commits.Add(await ReadImageAsync(directory, archive, entry, ct));
        }

        return commits;
    }

    private static async Task<ImageCommit> ReadImageAsync(
        string directory,
        string archive,
        Entry entry,
        CancellationToken ct)
    {
        var config = await File.ReadAllBytesAsync(PathIn(directory, entry.Config, archive), ct);
        var diffIds = ImageConfigDocument.Parse(config).DiffIds;
        if (diffIds.Count != entry.Layers.Count)
        {
            throw new InvalidInputException(
                $"{archive}: config lists {diffIds.Count} layers, manifest {entry.Layers.Count}");
        }

        var layers = new List<LayerSource>();
        var descriptors = new JsonArray();
        for (var i = 0; i < entry.Layers.Count; i++)
        {
            var path = PathIn(directory, entry.Layers[i], archive);
            var (digest, size) = await ArchiveBlobs.HashAsync(path, ct);
            layers.Add(ArchiveBlobs.Layer(path, digest, diffIds[i]));
            var type = await IsGzipAsync(path, ct) ? GzipLayerType : LayerType;
            descriptors.Add(Descriptor(type, digest, size));
        }

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.DockerManifest,
            ["config"] = Descriptor(ConfigType, Digests.Of(config), config.Length),
            ["layers"] = descriptors,
        });
        var names = (entry.RepoTags ?? [])
            .Select(t => ImageLookup.StoredName(ImageReference.Parse(t)))
            .ToList();
        return new ImageCommit(
            config, manifest, MediaTypes.DockerManifest, [Digests.Of(manifest)], names, layers);
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["size"] = size,
        ["digest"] = digest,
    };

    private static string PathIn(string directory, string name, string archive)
    {
        var path = Path.Combine(directory, ArchiveExtractor.Normalise(name, archive));
        return File.Exists(path) ? path : throw new InvalidInputException($"{archive}: {name} is missing");
    }

    private static async Task<bool> IsGzipAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var magic = new byte[2];
        return await file.ReadAtLeastAsync(magic, 2, false, ct) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
