using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Engine.Secrets;

/// <summary>Podman's SecretInfoReport: what <c>secret inspect</c> and the API print.</summary>
public static class SecretJson
{
    /// <summary>The report; <paramref name="data"/> only for --showsecret.</summary>
    public static JsonObject Inspect(SecretRecord secret, byte[]? data = null)
    {
        var report = new JsonObject
        {
            ["ID"] = secret.Id,
            ["CreatedAt"] = Time(secret.CreatedAt),
            ["UpdatedAt"] = Time(secret.UpdatedAt),
            ["Spec"] = new JsonObject
            {
                ["Name"] = secret.Name,
                ["Driver"] = new JsonObject
                {
                    ["Name"] = secret.Driver,
                    ["Options"] = Map(secret.DriverOptions),
                },
                ["Labels"] = Map(secret.Labels),
            },
        };
        if (data is { Length: > 0 })
        {
            report["SecretData"] = Encoding.UTF8.GetString(data);
        }

        return report;
    }

    /// <summary>RFC 3339 with nanoseconds, as Go prints time.Time.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture)
            .TrimEnd('0').TrimEnd('.') + "Z";

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
}
