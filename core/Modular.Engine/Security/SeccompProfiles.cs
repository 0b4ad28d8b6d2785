using System.Text.Json.Nodes;
using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Finds the seccomp profile a container runs under: the one it asked for by path, else
/// containers.conf seccomp_profile (containers-common's seccomp.json by default) where it
/// exists, else the built-in profile with the same rules.
/// </summary>
public static class SeccompProfiles
{
    public static JsonObject Load(string requested, string? configured)
    {
        var path = requested.Length > 0 ? requested
            : configured is not null && File.Exists(configured) ? configured
            : null;
        if (path is null)
        {
            return BuiltinSeccompProfile.Create();
        }

        try
        {
            return Parse(path, File.ReadAllBytes(path));
        }
        catch (IOException ex)
        {
            throw new InvalidInputException($"opening seccomp profile failed: {ex.Message}");
        }
    }

    // Podman's wording: its decoder's Go error, wrapped twice, naming the file.
    private static JsonObject Parse(string path, byte[] data)
    {
        var prefix = $"loading seccomp profile ({path}) failed: decoding seccomp profile failed: ";
        if (GoJsonSyntax.Check(data) is { } syntax)
        {
            throw new InvalidInputException(prefix + syntax);
        }

        try
        {
            return JsonNode.Parse(data) switch
            {
                JsonObject profile => profile,
                null => new JsonObject(),
                var other => throw new InvalidInputException(
                    prefix + $"json: cannot unmarshal {GoKind(other)} into Go value of type seccomp.Seccomp"),
            };
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidInputException(prefix + ex.Message.ReplaceLineEndings(" "));
        }
    }

    private static string GoKind(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Array => "array",
        System.Text.Json.JsonValueKind.String => "string",
        System.Text.Json.JsonValueKind.Number => "number",
        _ => "bool",
    };
}
