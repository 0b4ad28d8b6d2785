using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Remote.Services;

/// <summary>
/// build --authfile, read on the client as podman-remote reads it: each registry's
/// credentials go in X-Registry-Config (base64url JSON registry -> {username, password}).
/// </summary>
internal static class BuildAuthConfig
{
    public const string Header = "X-Registry-Config";

    /// <summary>The header's value, or null when there is no auth file or it holds no credentials.</summary>
    public static string? Read(string? authFile)
    {
        if (authFile is null)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(authFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidInputException($"reading auth file \"{authFile}\": {e.Message}", e);
        }

        var map = new JsonObject();
        if (root?["auths"] is JsonObject auths)
        {
            foreach (var (registry, entry) in auths)
            {
                if (UserPassword(entry?["auth"]?.GetValue<string>()) is { } pair)
                {
                    map[registry] = new JsonObject { ["username"] = pair[0], ["password"] = pair[1] };
                }
            }
        }

        return map.Count == 0 ? null
            : Convert.ToBase64String(Encoding.UTF8.GetBytes(map.ToJsonString())).Replace('+', '-').Replace('/', '_');
    }

    private static string[]? UserPassword(string? auth)
    {
        if (string.IsNullOrEmpty(auth))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth)).Split(':', 2);
            return pair.Length == 2 ? pair : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
