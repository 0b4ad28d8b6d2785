using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>
/// auth.json as containers/image writes it: <c>{"auths": {"HOST": {"auth": base64(user:secret)}}}</c>,
/// tab-indented. Keys this class does not know (credHelpers, identitytoken) are kept.
/// Its content is secret: errors name the file, never a line of it.
/// </summary>
public sealed class AuthFile(string path)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentCharacter = '\t',
        IndentSize = 1,
    };

    public string Path => path;

    /// <summary>The entry for <paramref name="key"/> (HOST or HOST/REPOSITORY), or null.</summary>
    public RegistryCredentials? Get(string key)
    {
        var entry = Auths(Read())?[key]?["auth"]?.GetValue<string>();
        if (entry is null)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(entry));
        var colon = text.IndexOf(':');
        return colon < 0
            ? throw new InvalidInputException($"invalid auth entry in {path}")
            : new RegistryCredentials(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>Stores <paramref name="credentials"/> under <paramref name="key"/>, creating the file (mode 0600).</summary>
    public void Set(string key, RegistryCredentials credentials)
    {
        var root = Read();
        var auths = Auths(root) ?? new JsonObject();
        root["auths"] = auths;
        auths[key] = new JsonObject { ["auth"] = credentials.ToBasic() };
        Write(root);
    }

    /// <summary>Removes the entry; false when there was none.</summary>
    public bool Remove(string key)
    {
        var root = Read();
        if (Auths(root) is not { } auths || !auths.Remove(key))
        {
            return false;
        }

        Write(root);
        return true;
    }

    /// <summary>Removes every entry (logout --all); a missing file is fine.</summary>
    public void RemoveAll()
    {
        if (!File.Exists(path))
        {
            return;
        }

        var root = Read();
        root["auths"] = new JsonObject();
        Write(root);
    }

    private static JsonObject? Auths(JsonObject root) => root["auths"] as JsonObject;

    private JsonObject Read()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"reading JSON file \"{path}\": invalid JSON", e);
        }
    }

    private void Write(JsonObject root)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".auth-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var file = new FileStream(temp, options))
        {
            file.Write(Encoding.UTF8.GetBytes(root.ToJsonString(Indented) + "\n"));
        }

        File.Move(temp, path, overwrite: true);
    }
}
