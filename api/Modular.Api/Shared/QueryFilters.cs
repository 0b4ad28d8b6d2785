using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// The <c>filters</c> query parameter, in both forms clients send: a map of lists
/// (<c>{"label":["a=b"]}</c>) and Docker's older map of sets (<c>{"label":{"a=b":true}}</c>).
/// </summary>
public static class QueryFilters
{
    public static List<KeyValuePair<string, string>> Parse(HttpContext http)
    {
        var raw = http.Request.Query["filters"].ToString();
        var result = new List<KeyValuePair<string, string>>();
        if (raw.Length == 0)
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            foreach (var filter in document.RootElement.EnumerateObject())
            {
                foreach (var value in Values(filter.Value))
                {
                    result.Add(new(filter.Name, value));
                }
            }
        }
        catch (JsonException e)
        {
            // Podman answers a filters parameter it cannot decode with 500, in both trees.
            throw GoJsonError.Filters(raw, e);
        }
        catch (InvalidOperationException)
        {
            const string cause = "json: cannot unmarshal into Go value of type map[string][]string";
            throw new ApiException(500, $"failed to parse filters parameter: {cause}", cause);
        }

        return result;
    }

    /// <summary>Each filter as the CLI's <c>--filter key=value</c> arguments.</summary>
    public static List<string> AsArguments(HttpContext http) =>
        Parse(http).SelectMany(pair => new[] { "--filter", pair.Key + "=" + pair.Value }).ToList();

    private static IEnumerable<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
            ? item.GetString()! : throw FilterShape.Refuse(item.ValueKind, inList: true)),
        JsonValueKind.Object => value.EnumerateObject().Where(item => Set(item.Value)).Select(item => item.Name),
        JsonValueKind.Null => [],
        _ => throw FilterShape.Refuse(value.ValueKind, inList: false),
    };

    // Docker's older map of sets: {"label":{"a=b":true}}; false leaves the value out.
    private static bool Set(JsonElement flag) => flag.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw FilterShape.Refuse(JsonValueKind.Object, inList: false),
    };
}
