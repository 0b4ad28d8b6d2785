using System.Text.Json.Nodes;

namespace Modular.Cli.Templates;

/// <summary>
/// Tells which JSON objects were Go structs and which were Go maps in Podman's types,
/// since <c>%v</c> prints them differently ({a b} against map[k:v]).
/// </summary>
internal static class GoShapes
{
    // Podman's inspect fields that are Go maps even when every key happens to be
    // capitalised (a label "Tier", a network "Backend").
    private static readonly HashSet<string> MapFields = new(StringComparer.Ordinal)
    {
        "Labels", "Annotations", "Options", "Ports", "Networks", "Sysctls", "Tmpfs",
        "DriverOpts", "StorageOpt", "ExposedPorts", "Volumes", "Status", "Data",
        "PortBindings", "GraphStatus", "GraphOptions",
    };

    /// <summary>
    /// A struct has exported (capitalised) field names and is not a known map field;
    /// anything with a lower-case or symbol key (label names, "80/tcp") is a map.
    /// </summary>
    public static bool IsStruct(JsonObject obj)
    {
        if (obj.Count == 0 || IsKnownMap(obj))
        {
            return false;
        }

        return obj.All(p => p.Key.Length > 0 && char.IsUpper(p.Key[0]));
    }

    private static bool IsKnownMap(JsonObject obj)
    {
        var name = obj.Parent is JsonObject ? obj.GetPropertyName() : null;
        if (name == "Config" && obj.Parent?.GetPropertyName() == "LogConfig")
        {
            return true;
        }

        return name is not null && MapFields.Contains(name);
    }
}
