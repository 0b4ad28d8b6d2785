using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Hooks;

/// <summary>
/// Reads JSON fields the way Go's encoding/json fills Podman's hook structs: keys match
/// case-insensitively, null means absent, unknown keys are ignored, and a value of the wrong
/// kind fails with Go's "cannot unmarshal" wording, which is what Podman prints.
/// </summary>
internal sealed class GoJsonFields(JsonObject json, string structName)
{
    private JsonObject Json => json;

    public bool Has(string key) => Find(key) is not null;

    public string? String(string key) => Find(key) is { } node
        ? Scalar(node, JsonValueKind.String, key, "string").GetValue<string>()
        : null;

    public bool? Bool(string key) => Find(key) is { } node
        ? Scalar(node, JsonValueKind.True, key, "bool").GetValueKind() == JsonValueKind.True
        : null;

    public int? Int(string key)
    {
        if (Find(key) is not { } node)
        {
            return null;
        }

        var value = Scalar(node, JsonValueKind.Number, key, "int");
        return value.TryGetValue<int>(out var number)
            ? number
            : throw Mismatch("number " + value.ToJsonString(), key, "int");
    }

    public IReadOnlyList<string>? Strings(string key)
    {
        if (Find(key) is not { } node)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw Mismatch(KindOf(node), key, "[]string");
        }

        return [.. array.Select(item => item is null ? ""
            : Scalar(item, JsonValueKind.String, key, "string").GetValue<string>())];
    }

    public GoJsonFields? Object(string key, string goType)
    {
        if (Find(key) is not { } node)
        {
            return null;
        }

        return node is JsonObject inner
            ? new GoJsonFields(inner, $"{structName}.{key}")
            : throw Mismatch(KindOf(node), key, goType);
    }

    public IReadOnlyDictionary<string, string>? StringMap(string key)
    {
        if (Object(key, "map[string]string") is not { } inner)
        {
            return null;
        }

        return inner.Json.ToDictionary(
            pair => pair.Key,
            pair => pair.Value is null ? ""
                : inner.Scalar(pair.Value, JsonValueKind.String, pair.Key, "string").GetValue<string>(),
            StringComparer.Ordinal);
    }

    private JsonNode? Find(string key) =>
        json.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.Ordinal)).Value
        ?? json.FirstOrDefault(pair =>
            string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private JsonValue Scalar(JsonNode node, JsonValueKind kind, string key, string goType)
    {
        var actual = node.GetValueKind();
        var fits = kind == JsonValueKind.True
            ? actual is JsonValueKind.True or JsonValueKind.False
            : actual == kind;
        return fits && node is JsonValue value ? value : throw Mismatch(KindOf(node), key, goType);
    }

    private HookFileException Mismatch(string kind, string key, string goType) =>
        new($"json: cannot unmarshal {kind} into Go struct field {structName}.{key} of type {goType}");

    private static string KindOf(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}
