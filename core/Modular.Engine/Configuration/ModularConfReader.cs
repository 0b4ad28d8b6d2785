namespace Modular.Engine.Configuration;

/// <summary>Reads modular.conf: the keys Podman has not (plugin folders, hook plugins).</summary>
internal static class ModularConfReader
{
    private static readonly HashSet<string> KnownKeys = ["plugin_dirs", "hook_plugins", "helper_dir", "checkpointer"];

    public static void Apply(TomlFile file, ConfigValues values)
    {
        ContainersConfReader.WarnUnknownSections(file, values, "modular");
        var modular = file.Table("modular");
        if (modular is null)
        {
            return;
        }

        ContainersConfReader.WarnUnknownKeys(file, values, modular, "modular", KnownKeys);
        values.PluginDirectories =
            file.GetStringList(modular, "modular", "plugin_dirs") ?? values.PluginDirectories;
        values.HookPlugins = file.GetStringList(modular, "modular", "hook_plugins") ?? values.HookPlugins;
        values.HelperDirectory = file.GetString(modular, "modular", "helper_dir") ?? values.HelperDirectory;
        values.Checkpointer = file.GetString(modular, "modular", "checkpointer") ?? values.Checkpointer;
    }
}
