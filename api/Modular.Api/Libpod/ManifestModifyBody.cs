using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Contracts.Errors;
using Modular.Engine.Manifests;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's ManifestModifyOptions body (operation, images, all, arch, os, variant,
/// os_version, features, os_features, annotation(s), index_annotation(s)) as the engine's
/// <see cref="ManifestAddOptions"/>.
/// </summary>
public sealed record ManifestModifyBody(
    string Operation,
    IReadOnlyList<string> Images,
    ManifestAddOptions Options,
    IReadOnlyDictionary<string, string>? IndexAnnotations)
{
    public static ManifestModifyBody Read(JsonObject body, HttpContext http)
    {
        var options = new ManifestAddOptions(
            All: body["all"] is JsonValue all && all.TryGetValue<bool>(out var a) && a,
            Architecture: Text(body, "arch"),
            Os: Text(body, "os"),
            Variant: Text(body, "variant"),
            OsVersion: Text(body, "os_version"),
            Features: NullIfEmpty(Strings(body["features"])),
            OsFeatures: NullIfEmpty(Strings(body["os_features"])),
            Annotations: Annotations(body, "annotation", "annotations"),
            TlsVerify: http.Request.Query.ContainsKey("tlsVerify") ? http.QueryFlag("tlsVerify") : null);
        return new ManifestModifyBody(
            Text(body, "operation") ?? "",
            Strings(body["images"]),
            options,
            Annotations(body, "index_annotation", "index_annotations"));
    }

    public static List<string> Strings(JsonNode? node) =>
        [.. (node as JsonArray ?? []).Select(item => item?.ToString() ?? "").Where(s => s.Length > 0)];

    private static List<string>? NullIfEmpty(List<string> values) => values.Count == 0 ? null : values;

    private static string? Text(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>"k=v" strings or a map; Podman refuses both at once.</summary>
    private static Dictionary<string, string>? Annotations(JsonObject body, string listKey, string mapKey)
    {
        var list = Strings(body[listKey]);
        var map = body[mapKey] as JsonObject ?? [];
        if (list.Count > 0 && map.Count > 0)
        {
            throw new InvalidInputException($"can not set both {Title(listKey)} and {Title(mapKey)}");
        }

        var result = map.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");
        foreach (var pair in list)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new InvalidInputException($"no value given for annotation \"{pair}\"");
            }

            result[pair[..eq]] = pair[(eq + 1)..];
        }

        return result.Count == 0 ? null : result;
    }

    // Podman names the Go fields: index_annotation -> IndexAnnotation.
    private static string Title(string key) =>
        string.Concat(key.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
