using System.Text.Json.Nodes;

namespace Modular.Engine.Info;

/// <summary>
/// A report object whose every field has a Go field name and a json tag, rendered once per
/// spelling (see <see cref="InfoReport"/>). Values are JSON leaves, nested objects or lists
/// of objects.
/// </summary>
internal sealed class InfoObject
{
    private readonly List<(string GoName, string JsonName, object? Value)> _fields = [];

    /// <summary>A field whose Go name and json tag are the same word.</summary>
    public InfoObject Add(string name, object? value) => Add(name, name, value);

    public InfoObject Add(string goName, string jsonName, object? value)
    {
        _fields.Add((goName, jsonName, value));
        return this;
    }

    public JsonObject ToJson() => Render(useGoNames: false);

    public JsonObject ToTemplate() => Render(useGoNames: true);

    public InfoReport ToReport() => new(ToJson(), ToTemplate());

    private JsonObject Render(bool useGoNames)
    {
        var json = new JsonObject();
        foreach (var (goName, jsonName, value) in _fields)
        {
            json[useGoNames ? goName : jsonName] = RenderValue(value, useGoNames);
        }

        return json;
    }

    // A JsonNode may have one parent only, so each spelling gets its own copy of a leaf.
    private static JsonNode? RenderValue(object? value, bool useGoNames) => value switch
    {
        null => null,
        InfoObject nested => nested.Render(useGoNames),
        IEnumerable<InfoObject> list => new JsonArray([.. list.Select(o => (JsonNode?)o.Render(useGoNames))]),
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        IEnumerable<string> texts => new JsonArray([.. texts.Select(t => (JsonNode?)JsonValue.Create(t))]),
        _ => throw new ArgumentException($"unsupported info value {value.GetType().Name}", nameof(value)),
    };
}
