using System.Text.Json.Nodes;

namespace Modular.Engine.Images;

public sealed partial class ImageService
{
    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var (from, state, record) = await FindAnywhereAsync(nameOrId, cancellationToken);
        var config = ImageConfigDocument.Parse(await ReadConfigAsync(from, record.Id, cancellationToken));
        var root = config.Root;
        var runtime = root["config"]?.DeepClone() as JsonObject ?? [];
        return new JsonObject
        {
            ["Id"] = record.Id,
            ["Digest"] = record.Digest,
            ["RepoTags"] = Strings(RepoTags(record)),
            ["RepoDigests"] = Strings(RepoDigests(record)),
            ["Parent"] = (await ImageLineage.ReadAsync(from, state, cancellationToken)).ParentOf(record.Id),
            ["Comment"] = CommentOf(record, root),
            ["Created"] = record.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"),
            ["Config"] = runtime,
            ["Version"] = root["docker_version"]?.DeepClone() ?? "",
            ["Author"] = root["author"]?.DeepClone() ?? "",
            ["Architecture"] = config.Architecture,
            ["Os"] = config.Os,
            ["Size"] = record.Size,
            ["VirtualSize"] = record.Size,
            ["GraphDriver"] = new JsonObject
            {
                ["Name"] = options.StorageDriver,
                ["Data"] = new JsonObject(),
            },
            ["RootFS"] = new JsonObject { ["Type"] = "layers", ["Layers"] = Strings(config.DiffIds) },
            ["Labels"] = runtime["Labels"]?.DeepClone(),
            ["Annotations"] = await ManifestAnnotationsAsync(from, record.Id, cancellationToken),
            ["ManifestType"] = record.ManifestMediaType,
            ["User"] = config.Config.User ?? "",
            ["History"] = root["history"]?.DeepClone() ?? new JsonArray(),
            ["NamesHistory"] = Strings(record.NamesHistory),
        };
    }

    public JsonObject Summarize(LocalImage image)
    {
        var created = image.Created.ToUniversalTime();
        var summary = new JsonObject
        {
            ["Id"] = image.Id,
            ["ParentId"] = "",

            // Podman's images --format json leaves RepoTags null; the names are in Names.
            ["RepoTags"] = null,
            ["RepoDigests"] = Strings(image.RepoDigests),
            ["Size"] = image.Size,
            ["SharedSize"] = 0,
            ["VirtualSize"] = image.Size,
            ["Labels"] = image.Config.Labels.Count == 0
                ? null
                : new JsonObject(image.Config.Labels.Select(l =>
                    KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))),
            ["Containers"] = _containerCounts.GetValueOrDefault(image.Id),
            ["Names"] = image.Names.Count == 0 ? null : Strings(image.Names),
            ["Digest"] = image.Digest,
            ["History"] = image.NamesHistory.Count > 0 ? Strings(image.NamesHistory)
                : image.Names.Count == 0 ? null : Strings(image.Names),
            ["Created"] = created.ToUnixTimeSeconds(),
            ["CreatedAt"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssK"),
        };
        if (image.ReadOnly)
        {
            // Podman's ReadOnly is omitempty: only images of a read-only store carry it.
            summary["ReadOnly"] = true;
        }

        return summary;
    }

    /// <summary>Names that carry a tag (a digest-only name is not a tag).</summary>
    private static IEnumerable<string> RepoTags(ImageRecord record) =>
        record.Names.Where(n => !n.Contains('@'));

    private static JsonArray Strings(IEnumerable<string> values) =>
        new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static async Task<JsonObject> ManifestAnnotationsAsync(
        ImageStore from,
        string imageId,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(from.ImageDirectory(imageId), "manifest");
        if (!File.Exists(path))
        {
            return [];
        }

        var manifest = JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        return manifest?["annotations"]?.DeepClone() as JsonObject ?? [];
    }

    /// <summary>As Podman: an OCI image's first history comment, a Docker image's config comment.</summary>
    private static JsonNode CommentOf(ImageRecord record, JsonObject root) =>
        (record.ManifestMediaType == Registry.MediaTypes.OciManifest
            ? (root["history"] as JsonArray)?.FirstOrDefault()?["comment"]
            : root["comment"])?.DeepClone() ?? "";
}
