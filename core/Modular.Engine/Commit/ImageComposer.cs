using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Images;
using Modular.Engine.Images.Transports;
using Modular.Engine.Registry;

namespace Modular.Engine.Commit;

/// <summary>
/// Writes the config and manifest of a drafted image: the parent's config with the new
/// runtime config, diff id and history entry, and a manifest listing the parent's blobs
/// plus the new uncompressed layer, in OCI or Docker schema2 form.
/// </summary>
public sealed class ImageComposer(ImageStore store)
{
    private const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    private const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";

    /// <summary>Where a stored image's config.json and manifest are.</summary>
    public string ImageDirectory(string imageId) => store.ImageDirectory(imageId);

    public async Task<ImageCommit> ComposeAsync(ImageDraft draft, CancellationToken cancellationToken)
    {
        var parent = await ParentAsync(draft, cancellationToken);
        var config = Config(draft, parent.Config);
        var configBytes = TransportJson.Bytes(config);
        var layers = parent.Layers.ToList();
        if (draft.Layer is { } layer)
        {
            layers.Add(new ParentLayer(layer.DiffId, layer.Size, layer.DiffId, OciLayer, layer.Path));
        }

        var manifest = TransportJson.Bytes(
            Annotate(Manifest(draft.Docker, configBytes, layers), draft));
        var mediaType = draft.Docker ? MediaTypes.DockerManifest : MediaTypes.OciManifest;
        var sources = layers.Select(l => l.Path is null
            ? new LayerSource(l.Digest, l.DiffId, _ => throw new InvalidOperationException(
                $"parent layer {l.DiffId} is missing from the store"))
            : ArchiveBlobs.Layer(l.Path, l.Digest, l.DiffId)).ToList();
        return new ImageCommit(configBytes, manifest, mediaType, [Digests.Of(manifest)], draft.Names, sources);
    }

    /// <summary>The history's and config's time format, as Go's RFC 3339 with nanoseconds.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Config(ImageDraft draft, JsonObject? parent)
    {
        var host = Platform.Host();
        var created = Timestamp(draft.Created);
        var diffIds = draft.Squash ? [] : (parent?["rootfs"]?["diff_ids"] as JsonArray)?.DeepClone() as JsonArray ?? [];
        var history = draft.Squash || draft.OmitHistory
            ? []
            : (parent?["history"] as JsonArray)?.DeepClone() as JsonArray ?? [];
        if (draft.Layer is { } layer)
        {
            diffIds.Add(layer.DiffId);
        }

        if (!draft.OmitHistory)
        {
            history.Add(History(draft, created));
        }

        var config = new JsonObject();
        if (draft.Docker && draft.Comment is { Length: > 0 } comment)
        {
            // Docker's image config has a comment of its own (buildah's SetComment); OCI's
            // has none, so there the message lives in the history entry only.
            config["comment"] = comment;
        }

        config["created"] = created;
        if ((draft.Author ?? parent?["author"]?.GetValue<string>()) is { Length: > 0 } author)
        {
            config["author"] = author;
        }

        config["architecture"] = parent?["architecture"]?.GetValue<string>() ?? host.Architecture;
        config["os"] = parent?["os"]?.GetValue<string>() ?? "linux";
        if (parent?["variant"] is JsonValue variant)
        {
            config["variant"] = variant.DeepClone();
        }

        config["config"] = draft.RuntimeConfig.DeepClone();
        config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds };
        config["history"] = history;
        return config;
    }

    private static JsonObject History(ImageDraft draft, string created)
    {
        var entry = new JsonObject { ["created"] = created, ["created_by"] = draft.History.CreatedBy };
        if (draft.History.Author is { Length: > 0 } author)
        {
            entry["author"] = author;
        }

        if (draft.History.Comment is { Length: > 0 } comment)
        {
            entry["comment"] = comment;
        }

        if (draft.History.EmptyLayer)
        {
            entry["empty_layer"] = true;
        }

        return entry;
    }

    private static JsonObject Annotate(JsonObject manifest, ImageDraft draft)
    {
        if (!draft.Docker && draft.Annotations is { Count: > 0 } annotations)
        {
            manifest["annotations"] = new JsonObject(annotations.Select(
                a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value))));
        }

        return manifest;
    }

    private static JsonObject Manifest(bool docker, byte[] config, IReadOnlyList<ParentLayer> layers)
    {
        var configType = docker ? ManifestComposer.DockerConfigType : ManifestComposer.OciConfigType;
        return new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = docker ? MediaTypes.DockerManifest : MediaTypes.OciManifest,
            ["config"] = Descriptor(configType, Digests.Of(config), config.Length),
            ["layers"] = new JsonArray([.. layers.Select(l =>
                (JsonNode)Descriptor(LayerType(docker, l.MediaType), l.Digest, l.Size))]),
        };
    }

    /// <summary>The parent blob's media type in the wanted format, keeping its compression.</summary>
    private static string LayerType(bool docker, string stored)
    {
        var compression = stored.EndsWith("gzip", StringComparison.Ordinal) ? LayerCompression.Gzip
            : stored.EndsWith("zstd", StringComparison.Ordinal) ? LayerCompression.Zstd
            : LayerCompression.None;
        return ManifestComposer.LayerType(!docker, compression);
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    private async Task<(JsonObject? Config, IReadOnlyList<ParentLayer> Layers)> ParentAsync(
        ImageDraft draft,
        CancellationToken cancellationToken)
    {
        if (draft.ParentImageId is not { } id)
        {
            return (null, []);
        }

        var directory = store.ImageDirectory(id);
        var config = JsonNode.Parse(await File.ReadAllBytesAsync(
            Path.Combine(directory, "config.json"), cancellationToken)) as JsonObject;
        if (draft.Squash)
        {
            return (config, []);
        }

        var diffIds = (config?["rootfs"]?["diff_ids"] as JsonArray ?? [])
            .Select(n => n!.GetValue<string>()).ToList();
        var manifestPath = Path.Combine(directory, "manifest");
        var blobs = File.Exists(manifestPath)
            ? JsonNode.Parse(await File.ReadAllBytesAsync(manifestPath, cancellationToken))?["layers"] as JsonArray
            : null;
        return (config, [.. diffIds.Select((diffId, i) => Layer(diffId, blobs, diffIds.Count, i))]);
    }

    private static ParentLayer Layer(string diffId, JsonArray? blobs, int count, int index)
    {
        if (blobs is null || blobs.Count != count || blobs[index] is not JsonObject blob)
        {
            return new ParentLayer(diffId, 0, diffId, OciLayer, null);
        }

        return new ParentLayer(
            blob["digest"]!.GetValue<string>(),
            blob["size"]?.GetValue<long>() ?? 0,
            diffId,
            blob["mediaType"]?.GetValue<string>() ?? DockerLayer,
            null);
    }

    private sealed record ParentLayer(string Digest, long Size, string DiffId, string MediaType, string? Path);
}
