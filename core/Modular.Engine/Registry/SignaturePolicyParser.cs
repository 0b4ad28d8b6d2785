using System.Text.Json;

namespace Modular.Engine.Registry;

/// <summary>Reads the requirement types of policy.json's <c>default</c> and <c>transports</c>.</summary>
internal static class SignaturePolicyParser
{
    public static T Parse<T>(
        byte[] json,
        Func<IReadOnlyList<string>, Dictionary<string, Dictionary<string, IReadOnlyList<string>>>, T> create)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("default", out var fallback))
        {
            throw new InvalidOperationException("policy.default field is missing");
        }

        var transports = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>();
        if (root.TryGetProperty("transports", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var transport in t.EnumerateObject())
            {
                transports[transport.Name] = transport.Value.EnumerateObject()
                    .ToDictionary(scope => scope.Name, scope => Requirements(scope.Value));
            }
        }

        return create(Requirements(fallback), transports);
    }

    private static IReadOnlyList<string> Requirements(JsonElement array) =>
        [.. array.EnumerateArray().Select(r => r.GetProperty("type").GetString() ?? "")];
}
