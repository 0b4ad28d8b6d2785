using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Plugins.Network.Cni;

/// <summary>Small conversions between JSON nodes and the contract's maps, lists and times.</summary>
internal static class JsonMaps
{
    public static JsonObject ToObject(IReadOnlyDictionary<string, string> map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    public static Dictionary<string, string> ToMap(JsonNode? node)
    {
        var result = new Dictionary<string, string>();
        if (node is not JsonObject obj)
        {
            return result;
        }

        foreach (var (key, value) in obj)
        {
            if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                result[key] = text;
            }
        }

        return result;
    }

    public static JsonArray ToArray(IEnumerable<string> items) =>
        new(items.Select(item => (JsonNode?)JsonValue.Create(item)).ToArray());

    public static List<string> ToStrings(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(item => item?.GetValue<string>()).OfType<string>().ToList()
            : [];

    public static string? Text(JsonNode? node, string key) =>
        node is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    public static bool Flag(JsonNode? node, string key) =>
        node is JsonObject obj
        && obj[key] is JsonValue value
        && value.TryGetValue<bool>(out var flag)
        && flag;

    /// <summary>Go's RFC 3339 with nanoseconds, as Podman writes <c>created</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Reads Go's RFC 3339 times, whose nine fraction digits .NET does not take.</summary>
    public static DateTimeOffset ParseTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        var trimmed = System.Text.RegularExpressions.Regex.Replace(text, @"(\.\d{7})\d+", "$1");
        return DateTimeOffset.TryParse(
            trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : default;
    }
}
