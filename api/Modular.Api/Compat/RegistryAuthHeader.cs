using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Compat;

/// <summary>
/// X-Registry-Auth: base64url JSON {username, password, serveraddress}, as the docker CLI
/// sends it for pull and push. Turned into the engine's USERNAME:PASSWORD credentials and
/// never logged or echoed. A header that does not decode is treated as absent, as Docker
/// does (the CLI sends "e30=" / "{}" when it has no credentials).
/// </summary>
public static class RegistryAuthHeader
{
    public const string Name = "X-Registry-Auth";

    public static string? Credentials(HttpContext http)
    {
        var header = http.Request.Headers[Name].ToString();
        if (header.Length == 0 || Decode(header) is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var user = Field(document.RootElement, "username");
            var password = Field(document.RootElement, "password");
            return string.IsNullOrEmpty(user) ? null : user + ":" + password;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    private static string? Decode(string header)
    {
        var text = header.Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
