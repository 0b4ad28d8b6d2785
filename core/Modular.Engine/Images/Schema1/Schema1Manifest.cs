using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Engine.Images.Schema1;

/// <summary>
/// Builds the unsigned payload of a Docker schema 1 manifest from an image config and its
/// layer digests: fsLayers and history top first, one entry per config history item (an
/// empty layer points at the well-known empty gzip tar and is marked throwaway), v1 ids
/// chained through parent, the top entry carrying the config without rootfs and history.
/// </summary>
internal static class Schema1Manifest
{
    private sealed record Entry(string BlobSum, string V1Compatibility);

    /// <summary>The 3-space indented payload registries and containers/image expect.</summary>
    /// <param name="name">The repository path, without the registry host.</param>
    public static byte[] Payload(string name, string tag, byte[] config, IReadOnlyList<string> layerDigests)
    {
        var document = JsonNode.Parse(config)?.AsObject() ?? new JsonObject();
        var entries = Entries(document, layerDigests);
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 3,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("name", name);
            json.WriteString("tag", tag);
            json.WriteString("architecture", document["architecture"]?.GetValue<string>() ?? "amd64");
            json.WriteStartArray("fsLayers");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("blobSum", entry.BlobSum);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("history");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("v1Compatibility", entry.V1Compatibility);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>True when the history has an empty layer, so the empty gzip blob must be sent.</summary>
    public static bool NeedsEmptyLayer(byte[] config, int layerCount) =>
        HistoryOf(JsonNode.Parse(config)?.AsObject() ?? new JsonObject(), layerCount).Any(h => h.Empty);

    // Top first, as schema 1 lists them.
    private static List<Entry> Entries(JsonObject config, IReadOnlyList<string> layers)
    {
        var history = HistoryOf(config, layers.Count);
        var entries = new List<Entry>();
        var parent = "";
        var next = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var item = history[i];
            var blob = item.Empty ? EmptyLayer.Digest : layers[next++];
            var top = i == history.Count - 1;
            var configText = top ? Stripped(config) : "";
            var id = V1Id(blob, parent, configText);
            var compatibility = top ? TopCompatibility(config, id, parent, item.Empty) : Compatibility(item, id, parent);
            entries.Add(new Entry(blob, compatibility));
            parent = id;
        }

        entries.Reverse();
        return entries;
    }

    private sealed record HistoryItem(JsonObject Source, bool Empty);

    // A config whose history does not account for every layer gets one plain item per layer.
    private static List<HistoryItem> HistoryOf(JsonObject config, int layerCount)
    {
        var items = (config["history"] as JsonArray)?.OfType<JsonObject>()
            .Select(h => new HistoryItem(h, h["empty_layer"]?.GetValue<bool>() == true))
            .ToList() ?? [];
        if (items.Count(h => !h.Empty) == layerCount && items.Count > 0)
        {
            return items;
        }

        var created = config["created"]?.DeepClone();
        return [.. Enumerable.Range(0, Math.Max(layerCount, 1)).Select(_ =>
            new HistoryItem(new JsonObject { ["created"] = created?.DeepClone() }, layerCount == 0))];
    }

    private static string Compatibility(HistoryItem item, string id, string parent)
    {
        var v1 = new JsonObject { ["id"] = id };
        if (parent.Length > 0)
        {
            v1["parent"] = parent;
        }

        foreach (var key in new[] { "comment", "created", "author" })
        {
            if (item.Source[key] is { } value)
            {
                v1[key] = value.DeepClone();
            }
        }

        v1["container_config"] = new JsonObject
        {
            ["Cmd"] = new JsonArray(item.Source["created_by"]?.DeepClone() ?? ""),
        };
        if (item.Empty)
        {
            v1["throwaway"] = true;
        }

        return v1.ToJsonString();
    }

    private static string TopCompatibility(JsonObject config, string id, string parent, bool empty)
    {
        var top = JsonNode.Parse(Stripped(config))!.AsObject();
        top["id"] = id;
        if (parent.Length > 0)
        {
            top["parent"] = parent;
        }

        if (empty)
        {
            top["throwaway"] = true;
        }

        return top.ToJsonString();
    }

    private static string Stripped(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        copy.Remove("rootfs");
        copy.Remove("history");
        return copy.ToJsonString();
    }

    // A v1 id is derived, not random, so pushing the same image twice gives the same manifest.
    private static string V1Id(string blob, string parent, string config)
    {
        var text = string.Join(' ', new[] { blob[7..], parent, config }.Where(p => p.Length > 0));
        return Digests.Of(Encoding.UTF8.GetBytes(text))[7..];
    }
}
