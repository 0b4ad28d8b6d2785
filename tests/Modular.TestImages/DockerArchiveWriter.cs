using System.Text;
using System.Text.Json.Nodes;

namespace Modular.TestImages;

/// <summary>
/// Writes the docker-archive format `docker save` produces and `podman load` reads:
/// manifest.json, the config as HEX.json and each layer as DIFFHEX/layer.tar.
/// </summary>
public static class DockerArchiveWriter
{
    public static async Task WriteAsync(
        TestImage image,
        string path,
        CancellationToken cancellationToken = default)
    {
        await using var tar = new ArchiveTar(path);
        var configName = image.Id + ".json";
        await tar.AddFileAsync(configName, image.Config, cancellationToken);

        var layerNames = new List<string>();
        foreach (var layer in image.Layers)
        {
            var dir = Digests.Hex(layer.DiffId);
            await tar.AddDirectoryAsync(dir, cancellationToken);
            await tar.AddFileAsync(dir + "/layer.tar", layer.Tar, cancellationToken);
            layerNames.Add(dir + "/layer.tar");
        }

        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = configName,
            ["RepoTags"] = new JsonArray(image.Name),
            ["Layers"] = new JsonArray(layerNames.Select(n => (JsonNode)n).ToArray()),
        });
        await tar.AddFileAsync(
            "manifest.json",
            Encoding.UTF8.GetBytes(manifest.ToJsonString()),
            cancellationToken);
    }
}
