using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Api.Compat;

/// <summary>
/// The <c>filters</c> query parameter in both of Docker's forms, {"k":["v"]} and
/// {"k":{"v":true}}, as the CLI's KEY=VALUE strings.
/// </summary>
public static class DockerFilters
{
    public static IReadOnlyList<string> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidInputException($"invalid filter \"{json}\"");
        }
        catch (System.Text.Json.JsonException e)
        {
            // Podman answers a filters parameter it cannot decode with 500 and Go's words.
            throw Http.GoJsonError.Filters(json, e);
        }

        var list = new List<string>();
        foreach (var (key, values) in root)
        {
            var items = values switch
            {
                JsonArray array => array.Select(Item).ToList(),
                JsonObject map => map.Where(v => Set(v.Value)).Select(v => v.Key).ToList(),
                null => [],
                _ => throw Http.FilterShape.Refuse(values.GetValueKind(), inList: false),
            };
            list.AddRange(items.Select(v => $"{key}={v}"));
        }

        return list;
    }

    private static string Item(JsonNode? item) =>
        item is JsonValue v && v.TryGetValue<string>(out var text) ? text
            : throw Http.FilterShape.Refuse(item?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null, inList: true);

    // Docker's older map of sets: {"label":{"a=b":true}}; false leaves the value out.
    private static bool Set(JsonNode? flag) =>
        flag is null || (flag is JsonValue v && v.TryGetValue<bool>(out var set)
            ? set
            : throw Http.FilterShape.Refuse(System.Text.Json.JsonValueKind.Object, inList: false));
}
