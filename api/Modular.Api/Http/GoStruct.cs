using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Api.Http;

/// <summary>
/// The JSON shape of a Go struct Podman decodes a body into: each member's Go type, so a
/// value of the wrong JSON type gets Go's own "cannot unmarshal" text. Unknown members
/// pass, as Go ignores them.
/// </summary>
public sealed record GoStruct(string Name, IReadOnlyDictionary<string, GoType> Fields)
{
    public static GoStruct Of(string name, params (string Key, GoType Type)[] fields) =>
        new(name, fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.OrdinalIgnoreCase));

    /// <summary>Go's text for the first mismatch in <paramref name="body"/>, or null.</summary>
    public string? Check(JsonObject body, string root, string path)
    {
        foreach (var (key, value) in body)
        {
            if (value is null || !Fields.TryGetValue(key, out var type))
            {
                continue;
            }

            var field = Fields.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (Mismatch(value, type, root, path + field) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Mismatch(JsonNode value, GoType type, string root, string field)
    {
        string Error(JsonNode node, string goType) =>
            $"json: cannot unmarshal {KindOf(node)} into Go struct field {root}.{field} of type {goType}";

        return type.Kind switch
        {
            GoKind.String => Is(value, JsonValueKind.String) ? null : Error(value, "string"),
            GoKind.Bool => Is(value, JsonValueKind.True) || Is(value, JsonValueKind.False)
                ? null : Error(value, "bool"),
            GoKind.Int => IsInteger(value) ? null : Error(value, type.GoName ?? "int64"),
            GoKind.StringList => value is JsonArray list
                ? list.FirstOrDefault(i => i is not null && !Is(i, JsonValueKind.String)) is { } bad
                    ? Error(bad, "string") : null
                : Error(value, type.GoName ?? "[]string"),
            GoKind.StringOrList => Is(value, JsonValueKind.String) ? null
                : Mismatch(value, GoType.StringList(type.GoName), root, field),
            GoKind.StringMap => value is JsonObject map
                ? map.FirstOrDefault(m => m.Value is not null && !Is(m.Value, JsonValueKind.String)) is
                    { Value: { } bad } ? Error(bad, "string") : null
                : Error(value, type.GoName ?? "map[string]string"),
            GoKind.Object => value is JsonObject ? null : Error(value, type.GoName ?? "struct"),
            GoKind.List => value is JsonArray ? null : Error(value, type.GoName ?? "[]struct"),
            GoKind.Struct => value is JsonObject inner
                ? type.Inner!.Check(inner, root, field + ".")
                : Error(value, type.GoName ?? type.Inner!.Name),
            _ => null,
        };
    }

    private static bool Is(JsonNode node, JsonValueKind kind) => node.GetValueKind() == kind;

    private static bool IsInteger(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _);

    /// <summary>How Go's UnmarshalTypeError names the JSON value it met.</summary>
    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => node.ToJsonString() is var n && n.Contains('.') ? $"number {n}" : "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
