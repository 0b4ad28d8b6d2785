using System.Text.Json.Nodes;
using Modular.Engine.Manifests;

namespace Modular.Remote.Services;

/// <summary>Podman's ManifestModifyOptions JSON from the engine's add options.</summary>
internal static class ManifestBody
{
    public static JsonObject Of(string operation, IReadOnlyList<string> images, ManifestAddOptions add)
    {
        var body = new JsonObject
        {
            ["operation"] = operation,
            ["images"] = Array(images),
            ["all"] = add.All,
        };
        Set(body, "arch", add.Architecture);
        Set(body, "os", add.Os);
        Set(body, "variant", add.Variant);
        Set(body, "os_version", add.OsVersion);
        if (add.Features is { Count: > 0 } features)
        {
            body["features"] = Array(features);
        }

        if (add.OsFeatures is { Count: > 0 } osFeatures)
        {
            body["os_features"] = Array(osFeatures);
        }

        if (add.Annotations is { Count: > 0 } annotations)
        {
            body["annotations"] = Map(annotations);
        }

        return body;
    }

    /// <summary>annotate --index: the annotations go to the index, no image named.</summary>
    public static JsonObject Index(ManifestAddOptions add)
    {
        var body = Of("annotate", [], add with { Annotations = null });
        body["index_annotations"] = Map(add.Annotations ?? new Dictionary<string, string>());
        return body;
    }

    private static void Set(JsonObject body, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[key] = value;
        }
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
}
