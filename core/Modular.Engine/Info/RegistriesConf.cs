using Tomlyn;
using Tomlyn.Model;

namespace Modular.Engine.Info;

/// <summary>
/// Reads <c>unqualified-search-registries</c> from registries.conf (Podman's file, read-only)
/// for <c>info</c>. The images work owns the full parser; this one only needs a list.
/// </summary>
internal static class RegistriesConf
{
    public static IReadOnlyList<string> SearchRegistries(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        try
        {
            var root = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path));
            object? value = null;
            var found = root?.TryGetValue("unqualified-search-registries", out value) == true;
            return found && value is TomlArray list ? [.. list.OfType<string>()] : [];
        }
        catch (Exception e) when (e is TomlException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
