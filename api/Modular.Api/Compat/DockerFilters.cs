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
                JsonArray array => array.Select(v => v?.GetValue<string>() ?? ""),
                JsonObject map => map.Where(v => v.Value is null || v.Value.GetValue<bool>()).Select(v => v.Key),
                _ => [],
            };
            list.AddRange(items.Select(v => $"{key}={v}"));
        }

        return list;
    }
}
