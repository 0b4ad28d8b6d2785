using System.Text.Json.Nodes;

namespace Modular.Remote.Services;

/// <summary>CLI filters ("key=value", repeatable) as the API's <c>filters</c> query: a JSON map of lists.</summary>
internal static class Filters
{
    public static string Query(IReadOnlyList<string> filters)
    {
        if (filters.Count == 0)
        {
            return "";
        }

        var map = new JsonObject();
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = eq < 0 ? (filter, "") : (filter[..eq], filter[(eq + 1)..]);
            if (map[key] is not JsonArray values)
            {
                values = [];
                map[key] = values;
            }

            values.Add(value);
        }

        return "?filters=" + LibpodClient.Escape(map.ToJsonString());
    }
}
