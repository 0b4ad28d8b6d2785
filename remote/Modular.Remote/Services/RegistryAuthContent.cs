using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Modular.Remote.Services;

/// <summary>
/// The credentials of pull, push and manifest push, chosen on the client as podman-remote
/// chooses them (--creds, else the --authfile entry for the image's registry) and sent as
/// X-Registry-Auth: base64url JSON {username, password}. Never written anywhere else.
/// </summary>
internal static class RegistryAuthContent
{
    public const string Header = "X-Registry-Auth";

    /// <summary>An empty request body carrying the header when there are credentials.</summary>
    public static ByteArrayContent Body(string? credentials, string? authFile, string reference)
    {
        var content = new ByteArrayContent([]);
        if ((credentials ?? FromAuthFile(authFile, reference)) is { } pair)
        {
            content.Headers.Add(Header, Encode(pair));
        }

        return content;
    }

    /// <summary>USER:PASS as the header's value.</summary>
    public static string Encode(string credentials)
    {
        var colon = credentials.IndexOf(':');
        var auth = new JsonObject
        {
            ["username"] = colon < 0 ? credentials : credentials[..colon],
            ["password"] = colon < 0 ? "" : credentials[(colon + 1)..],
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(auth.ToJsonString())).Replace('+', '-').Replace('/', '_');
    }

    private static string? FromAuthFile(string? authFile, string reference)
    {
        if (authFile is null || !File.Exists(authFile))
        {
            return null;
        }

        reference = reference.StartsWith("docker://", StringComparison.Ordinal) ? reference["docker://".Length..] : reference;
        var host = reference.Contains('/') ? reference[..reference.IndexOf('/')] : "docker.io";
        try
        {
            var auth = JsonNode.Parse(File.ReadAllText(authFile))?["auths"]?[host]?["auth"]?.GetValue<string>();
            return string.IsNullOrEmpty(auth) ? null : Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
