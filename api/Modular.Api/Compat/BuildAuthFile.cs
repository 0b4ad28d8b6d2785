using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Compat;

/// <summary>
/// X-Registry-Config on a build: base64url JSON, a map of registry to {username, password}
/// (Docker's keys, or Podman's Username/Password), sent by the client from its --authfile.
/// Written as an auth file of the build's own, in a directory the route deletes afterwards,
/// so the base image pulls use those credentials. Never logged.
/// </summary>
public static class BuildAuthFile
{
    public const string Header = "X-Registry-Config";

    /// <summary>The written auth file's path, or null when the header is absent or empty.</summary>
    public static async Task<string?> WriteAsync(HttpContext http, string directory, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers[Header].ToString();
        if (header.Length == 0 || Decode(header) is not JsonObject map)
        {
            return null;
        }

        var auths = new JsonObject();
        foreach (var (registry, entry) in map)
        {
            if (entry is JsonObject fields && Field(fields, "username") is { Length: > 0 } user)
            {
                var pair = Encoding.UTF8.GetBytes(user + ":" + Field(fields, "password"));
                auths[registry] = new JsonObject { ["auth"] = Convert.ToBase64String(pair) };
            }
        }

        if (auths.Count == 0)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "auth.json");
        await File.WriteAllTextAsync(path, new JsonObject { ["auths"] = auths }.ToJsonString(), cancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static string? Field(JsonObject fields, string name) =>
        fields.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
        && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? Decode(string header)
    {
        var text = header.Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
