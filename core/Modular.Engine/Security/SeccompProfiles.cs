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
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidInputException(
                    $"loading seccomp profile ({path}) failed: not a JSON object");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException)
        {
            throw new InvalidInputException($"loading seccomp profile ({path}) failed: {ex.Message}");
        }
    }
}
