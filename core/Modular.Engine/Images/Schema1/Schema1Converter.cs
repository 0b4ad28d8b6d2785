using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Schema1;

/// <summary>
/// Turns a pulled Docker schema 1 manifest into an image config and a schema 2 manifest,
/// as containers/image does: the config is the top v1Compatibility entry with rootfs and
/// history rebuilt from the entries; diff ids come from the layers themselves, so each
/// layer is downloaded (verified) and gunzipped once here before the ordinary pull.
/// </summary>
internal static class Schema1Converter
{
    public sealed record Converted(byte[] Config, byte[] Manifest, string Digest);

    public static bool IsSchema1(byte[] body, string? mediaType)
    {
        if (mediaType is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed)
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("schemaVersion", out var v)
                && v.ValueKind == JsonValueKind.Number && v.GetInt32() == 1;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static Task<Converted> ConvertAsync(
        RegistryClient client,
        string repository,
        byte[] body,
        string tempDirectory,
        CancellationToken cancellationToken) =>
        ConvertAsync(
            body,
            (digest, ct) => MeasureAsync(client, repository, digest, tempDirectory, ct),
            cancellationToken);

    /// <summary>
    /// Converts with <paramref name="measure"/> giving each layer blob's compressed size and
    /// diff id: fetched from a registry, or read from a dir: image's files.
    /// </summary>
    public static async Task<Converted> ConvertAsync(
        byte[] body,
        Func<string, CancellationToken, Task<(long Size, string DiffId)>> measure,
        CancellationToken cancellationToken)
    {
        var root = JsonNode.Parse(body)?.AsObject()
            ?? throw new InvalidInputException("invalid schema 1 manifest");
        var blobs = (root["fsLayers"] as JsonArray ?? []).Select(l => l?["blobSum"]?.GetValue<string>()).ToList();
        var history = (root["history"] as JsonArray ?? [])
            .Select(h => JsonNode.Parse(h?["v1Compatibility"]?.GetValue<string>() ?? "{}")!.AsObject()).ToList();
        if (blobs.Count == 0 || blobs.Count != history.Count || blobs.Any(b => !Digests.IsValid(b)))
        {
            throw new InvalidInputException("invalid schema 1 manifest: fsLayers and history do not match");
        }

        blobs.Reverse();
        history.Reverse();
        var layers = new List<Descriptor>();
        var diffIds = new List<string>();
        for (var i = 0; i < blobs.Count; i++)
        {
            if (history[i]["throwaway"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var (size, diffId) = await measure(blobs[i]!, cancellationToken);
            layers.Add(new Descriptor(Transports.ManifestComposer.LayerType(false, Transports.LayerCompression.Gzip), blobs[i]!, size));
            diffIds.Add(diffId);
        }

        var config = Encoding.UTF8.GetBytes(ConfigOf(history, diffIds).ToJsonString());
        var descriptor = new Descriptor(Transports.ManifestComposer.DockerConfigType, Digests.Of(config), config.Length);
        var manifest = PushManifest.Write(MediaTypes.DockerManifest, descriptor, layers);
        return new Converted(config, manifest, CanonicalDigest(body));
    }

    /// <summary>A signed manifest is known by its payload's digest (libtrust cuts the signatures out).</summary>
    public static string CanonicalDigest(byte[] body)
    {
        try
        {
            return PayloadDigest(body);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException
            or InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new InvalidInputException($"invalid schema 1 manifest signature: {e.Message}", e);
        }
    }

    private static string PayloadDigest(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("signatures", out var signatures) || signatures.GetArrayLength() == 0)
        {
            return Digests.Of(body);
        }

        var header = signatures[0].GetProperty("protected").GetString()!;
        using var format = JsonDocument.Parse(FromBase64Url(header));
        var length = format.RootElement.GetProperty("formatLength").GetInt32();
        var tail = FromBase64Url(format.RootElement.GetProperty("formatTail").GetString()!);
        return Digests.Of([.. body[..length], .. tail]);
    }

    private static JsonObject ConfigOf(List<JsonObject> history, List<string> diffIds)
    {
        var config = history[^1].DeepClone().AsObject();
        foreach (var key in new[] { "id", "parent", "parent_id", "layer_id", "throwaway", "Size" })
        {
            config.Remove(key);
        }

        config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. diffIds.Select(d => JsonValue.Create(d))]) };
        config["history"] = new JsonArray([.. history.Select(HistoryItem)]);
        return config;
    }

    private static JsonObject HistoryItem(JsonObject v1)
    {
        var item = new JsonObject();
        foreach (var key in new[] { "created", "author", "comment" })
        {
            if (v1[key] is { } value)
            {
                item[key] = value.DeepClone();
            }
        }

        var cmd = (v1["container_config"]?["Cmd"] as JsonArray)?.Select(c => c?.GetValue<string>() ?? "");
        item["created_by"] = cmd is null ? "" : string.Join(' ', cmd);
        if (v1["throwaway"]?.GetValue<bool>() == true)
        {
            item["empty_layer"] = true;
        }

        return item;
    }

    private static async Task<(long Size, string DiffId)> MeasureAsync(
        RegistryClient client, string repository, string digest, string tempDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tempDirectory);
        var temp = Path.Combine(tempDirectory, "schema1-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = File.Create(temp))
            {
                await BlobFetcher.FetchAsync(client, repository, new Descriptor("", digest, -1), file, cancellationToken);
            }

            return await MeasureFileAsync(temp, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// The size of a layer file and the digest of what it unpacks to. Registries serve
    /// schema 1 layers gzipped; a dir: image may hold them plain (Podman writes them so).
    /// </summary>
    public static async Task<(long Size, string DiffId)> MeasureFileAsync(
        string path,
        CancellationToken cancellationToken)
    {
        await using var read = File.OpenRead(path);
        var head = new byte[4];
        var got = await read.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        read.Position = 0;
        await using var gunzip = BlobEncodings.OpenDecompressing(read, BlobEncodings.Detect(head.AsSpan(0, got)));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int n;
        while ((n = await gunzip.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, n);
        }

        return (read.Length, "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
