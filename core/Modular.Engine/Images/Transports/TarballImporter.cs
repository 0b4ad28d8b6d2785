using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// <c>import</c>: a tar (plain or gzip) as the one layer of a new image, with the config
/// containers/image's tarball transport writes: created is the file's time, the history
/// entry says "ADD file:DIFFID in /", and --change sets the runtime config.
/// </summary>
public sealed class TarballImporter(ImageWriter writer, ImageEvents events) : ITarballImporter
{
    /// <summary>Stores the image; returns its id (hex).</summary>
    public async Task<string> ImportAsync(
        string path,
        TarballImportOptions options,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"importing \"{path}\": no such file");
        }

        if (new FileInfo(path).Length > 0)
        {
            return await ImportLayerAsync(path, path, options, cancellationToken);
        }

        // An empty file is an empty layer: Go's tar reader finds no entries in it, so
        // Podman imports it; the store's reader wants a tar's end marker, so it gets one.
        var empty = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(empty, new byte[1024], cancellationToken);
            return await ImportLayerAsync(path, empty, options, cancellationToken);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    /// <summary>Stores <paramref name="layerPath"/> as the layer; <paramref name="path"/> dates it.</summary>
    private async Task<string> ImportLayerAsync(
        string path,
        string layerPath,
        TarballImportOptions options,
        CancellationToken cancellationToken)
    {
        var runtime = ConfigChanges.Apply(options.Changes);
        var names = options.Reference is null ? [] : new[] { ImageLookup.StoredName(ImageReference.Parse(options.Reference)) };
        var (digest, size) = await ArchiveBlobs.HashAsync(layerPath, cancellationToken);
        var compression = await BlobCompression.DetectAsync(layerPath, cancellationToken);
        var diffId = compression == LayerCompression.None ? digest : await DiffIdAsync(layerPath, cancellationToken);

        var config = TransportJson.Bytes(Config(path, options, runtime, diffId));
        var manifestJson = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = new JsonObject
            {
                ["mediaType"] = ManifestComposer.OciConfigType,
                ["digest"] = Digests.Of(config),
                ["size"] = config.Length,
            },
            ["layers"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = ManifestComposer.LayerType(oci: true, compression),
                ["digest"] = digest,
                ["size"] = size,
            }),
        };
        if (options.Annotations is { Count: > 0 } annotations)
        {
            // A checkpoint image's facts, as buildah's SetAnnotation puts them on the manifest.
            manifestJson["annotations"] = new JsonObject(annotations
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
        }

        var manifest = TransportJson.Bytes(manifestJson);
        var commit = new ImageCommit(
            config, manifest, MediaTypes.OciManifest, [Digests.Of(manifest)], names, [ArchiveBlobs.Layer(layerPath, digest, diffId)]);
        var record = (await writer.CommitAllAsync([commit], cancellationToken))[0];
        await events.AppendAsync("import", record.Id, names.FirstOrDefault() ?? record.Id, cancellationToken);
        return record.Id;
    }

    private static JsonObject Config(string path, TarballImportOptions options, JsonObject runtime, string diffId)
    {
        var created = File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        var host = Platform.Host();
        var config = new JsonObject
        {
            ["created"] = created,
            ["architecture"] = options.Architecture ?? host.Architecture,
            ["os"] = options.Os ?? "linux",
        };
        if (options.Variant is { Length: > 0 } variant)
        {
            config["variant"] = variant;
        }

        config["config"] = runtime;
        config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) };
        var history = new JsonObject
        {
            ["created"] = created,
            ["created_by"] = $"/bin/sh -c #(nop) ADD file:{Digests.Hex(diffId)} in /",
        };
        if (options.Message is { Length: > 0 } message)
        {
            history["comment"] = message;
        }

        config["history"] = new JsonArray(history);
        return config;
    }

    private static async Task<string> DiffIdAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var tar = await LayerStreams.DecompressAsync(file, cancellationToken);
        await using var hashing = new HashingStream(tar);
        return await hashing.FinishAsync(cancellationToken);
    }
}
