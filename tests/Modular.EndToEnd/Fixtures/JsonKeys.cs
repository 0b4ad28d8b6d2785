using System.Text.Json.Nodes;

namespace Modular.EndToEnd.Fixtures;

/// <summary>Every key path in a JSON document; array elements share their array's path.</summary>
public static class JsonKeys
{
    public static SortedSet<string> Of(JsonNode? node, string prefix = "")
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    keys.Add(prefix + key);
                    keys.UnionWith(Of(value, prefix + key + "."));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    keys.UnionWith(Of(item, prefix));
                }

                break;
        }

        return keys;
    }
}
