using System.Text;
using System.Text.Json;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// A user name and secret for one registry. Never logged: <see cref="ToString"/> hides
/// the secret so an accidental log line or exception message cannot carry it.
/// </summary>
public sealed record RegistryCredentials(string UserName, string Secret)
{
    /// <summary>auth.json: the flag, the engine's, REGISTRY_AUTH_FILE, /run/containers/0.</summary>
    public static string AuthFilePath(string? flag, string? configured) =>
        flag ?? configured ?? Environment.GetEnvironmentVariable("REGISTRY_AUTH_FILE")
        ?? "/run/containers/0/auth.json";

    /// <summary>"user:secret" as given to <c>--creds</c>.</summary>
    public static RegistryCredentials FromFlag(string creds)
    {
        var colon = creds.IndexOf(':');
        return colon < 0
            ? throw new InvalidInputException("--creds must be USERNAME:PASSWORD")
            : new RegistryCredentials(creds[..colon], creds[(colon + 1)..]);
    }

    /// <summary>The entry of auth.json for <paramref name="registry"/>, or null.</summary>
    public static RegistryCredentials? FromAuthFile(string path, string registry)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("auths", out var auths))
        {
            return null;
        }

        foreach (var entry in auths.EnumerateObject())
        {
            if (HostOf(entry.Name) == registry && entry.Value.TryGetProperty("auth", out var auth))
            {
                return Decode(auth.GetString() ?? "", path);
            }
        }

        return null;
    }

    /// <summary>The value of a Basic Authorization header.</summary>
    public string ToBasic() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Secret}"));

    public override string ToString() => $"{UserName}:***";

    private static string HostOf(string key)
    {
        var name = key.Replace("https://", "").Replace("http://", "");
        var slash = name.IndexOf('/');
        return slash < 0 ? name : name[..slash];
    }

    private static RegistryCredentials Decode(string auth, string path)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        var colon = text.IndexOf(':');

        // Name the file, never its content: the content is the secret.
        return colon < 0
            ? throw new InvalidInputException($"invalid auth entry in {path}")
            : new RegistryCredentials(text[..colon], text[(colon + 1)..]);
    }
}
