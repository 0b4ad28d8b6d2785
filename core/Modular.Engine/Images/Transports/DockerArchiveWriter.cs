using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// A docker-archive as <c>docker save</c> and containers/image write it: manifest.json
/// listing per image its config (<c>HEX.json</c>), RepoTags and layer tars (<c>HEX.tar</c>,
/// uncompressed, named by diff id), plus a <c>repositories</c> file. Several images share
/// one archive (<c>save -m</c>) and the layers they have in common.
/// </summary>
internal sealed class DockerArchiveWriter(ImageExportPlanner planner)
{
    public async Task WriteAsync(
        IReadOnlyList<(StoredImage Image, IReadOnlyList<string> Tags)> images,
        string directory,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var entries = new JsonArray();
        var repositories = new JsonObject();
        foreach (var (image, tags) in images)
        {
            var exported = await planner.WriteLayersAsync(
                image, directory, LayerCompression.None, ensureCompressed: false, level: null, cancellationToken);
            var layerFiles = exported.Layers.Select(l => Place(l, directory)).ToList();
            var configName = Digests.Hex(exported.ConfigDigest) + ".json";
            await File.WriteAllBytesAsync(Path.Combine(directory, configName), exported.Config, cancellationToken);
            entries.Add(new JsonObject
            {
                ["Config"] = configName,
                ["RepoTags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
                ["Layers"] = new JsonArray([.. layerFiles.Select(f => (JsonNode)f)]),
            });
            AddRepositories(repositories, tags, layerFiles.LastOrDefault());
        }

        await File.WriteAllBytesAsync(
            Path.Combine(directory, "manifest.json"), TransportJson.Bytes(entries), cancellationToken);
        await File.WriteAllBytesAsync(
            Path.Combine(directory, "repositories"), TransportJson.Bytes(repositories), cancellationToken);
    }

    private static string Place(ExportedBlob layer, string directory)
    {
        var name = Digests.Hex(layer.Digest) + ".tar";
        File.Move(layer.TempPath, Path.Combine(directory, name), overwrite: true);
        return name;
    }

    private static void AddRepositories(JsonObject repositories, IReadOnlyList<string> tags, string? topLayer)
    {
        if (topLayer is null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            var reference = ImageReference.Parse(tag);
            if (repositories[reference.Repository] is not JsonObject repository)
            {
                repositories[reference.Repository] = repository = [];
            }

            repository[reference.Tag ?? ImageReference.DefaultTag] = topLayer[..^4];
        }
    }
}
