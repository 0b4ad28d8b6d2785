using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Engine.Registry;

namespace Modular.Engine.Manifests;

/// <summary>
/// A manifest list (OCI index or Docker manifest list) being edited. Serialised as
/// Podman's <c>manifest inspect</c> prints it: four-space indents, descriptor keys in the
/// order mediaType, size, digest, platform, annotations.
/// </summary>
public sealed record ManifestListDocument(
    string MediaType,
    IReadOnlyList<ManifestListEntry> Entries,
    IReadOnlyDictionary<string, string> Annotations)
{
    private static readonly JsonWriterOptions Writer = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ManifestListDocument Empty() =>
        new(MediaTypes.OciIndex, [], new Dictionary<string, string>());

    /// <summary>Reads a stored list; <paramref name="sources"/> maps instance digests to sources.</summary>
    public static ManifestListDocument Parse(byte[] json, IReadOnlyDictionary<string, string> sources)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var entries = (root["manifests"] as JsonArray ?? [])
            .Select(n => ReadEntry(n!.AsObject(), sources))
            .ToList();
        return new ManifestListDocument(
            root["mediaType"]?.GetValue<string>() ?? MediaTypes.OciIndex,
            entries,
            ReadMap(root["annotations"]));
    }

    /// <summary>The list's JSON as <c>manifest inspect</c> prints it and as it is pushed.</summary>
    public byte[] ToJson(string? mediaType = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", mediaType ?? MediaType);
            json.WriteStartArray("manifests");
            foreach (var entry in Entries)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
            WriteMap(json, "annotations", Annotations);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, ManifestListEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", entry.MediaType);
        json.WriteNumber("size", entry.Size);
        json.WriteString("digest", entry.Digest);
        json.WriteStartObject("platform");
        json.WriteString("architecture", entry.Architecture);
        json.WriteString("os", entry.Os);
        WriteIfAny(json, "os.version", entry.OsVersion);
        WriteList(json, "os.features", entry.OsFeatures);
        WriteIfAny(json, "variant", entry.Variant);
        WriteList(json, "features", entry.Features);
        json.WriteEndObject();
        WriteMap(json, "annotations", entry.Annotations);
        json.WriteEndObject();
    }

    private static ManifestListEntry ReadEntry(JsonObject o, IReadOnlyDictionary<string, string> sources)
    {
        var p = o["platform"] as JsonObject ?? [];
        var digest = o["digest"]?.GetValue<string>() ?? "";
        return new ManifestListEntry(
            o["mediaType"]?.GetValue<string>() ?? "",
            o["size"]?.GetValue<long>() ?? 0,
            digest,
            Text(p, "architecture"),
            Text(p, "os"),
            Text(p, "variant"),
            Text(p, "os.version"),
            ReadList(p["os.features"]),
            ReadList(p["features"]),
            ReadMap(o["annotations"]),
            sources.GetValueOrDefault(digest, ""));
    }

    private static string Text(JsonObject o, string key) => o[key]?.GetValue<string>() ?? "";

    private static List<string> ReadList(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(n => n?.GetValue<string>() ?? "")] : [];

    private static Dictionary<string, string> ReadMap(JsonNode? node) =>
        node is JsonObject o
            ? o.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "")
            : [];

    private static void WriteIfAny(Utf8JsonWriter json, string key, string value)
    {
        if (value.Length > 0)
        {
            json.WriteString(key, value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(key);
        values.ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string key, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        json.WriteStartObject(key);
        foreach (var (name, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }
}
