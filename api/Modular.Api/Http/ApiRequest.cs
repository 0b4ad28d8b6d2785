using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>What the middlewares learned about a request.</summary>
public static class ApiRequest
{
    public const string VersionKey = "modular.api-version";

    /// <summary>The version prefix the client used ("1.41", "5.0.0"), or null when bare.</summary>
    public static string? Version(this HttpContext http) =>
        http.Items.TryGetValue(VersionKey, out var value) ? value as string : null;

    /// <summary>Docker's query booleans: 1, true, True, TRUE ... (and absent = false).</summary>
    public static bool QueryFlag(this HttpContext http, string name, bool absent = false)
    {
        var value = http.Request.Query[name].ToString();
        return value.Length == 0
            ? absent
            : value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
    }
}
