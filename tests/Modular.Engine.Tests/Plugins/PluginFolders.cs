using System.Text.Json;
using Modular.Engine.Configuration;
using Modular.Engine.Tests.Configuration;

namespace Modular.Engine.Tests.Plugins;

/// <summary>
/// A temporary store and plugin folder, with configuration naming them, for plugin tests.
/// The recording plugin is copied in from its build output, as an installer would.
/// </summary>
public sealed class PluginFolders : IDisposable
{
    public ConfigFixture Config { get; } = new();

    public string PluginDirectory => Path.Combine(Config.Root, "plugins");

    public string GraphRoot => Path.Combine(Config.Root, "graph");

    public string RunRoot => Path.Combine(Config.Root, "run");

    public PluginFolders()
    {
        Directory.CreateDirectory(PluginDirectory);
        Config.Environment["MODULAR_CONF"] =
            Config.Write("modular.conf", $"[modular]\nplugin_dirs = [\"{PluginDirectory}\"]\n");
        Config.Environment["CONTAINERS_STORAGE_CONF"] = Config.Write(
            "storage.conf", $"[storage]\ngraphroot = \"{GraphRoot}\"\nrunroot = \"{RunRoot}\"\n");
    }

    /// <summary>Selects a runtime with one config line, as users do.</summary>
    public void SelectRuntime(string id) =>
        Config.Environment["CONTAINERS_CONF"] =
            Config.Write("containers.conf", $"[engine]\nruntime = \"{id}\"\n");

    public EngineHost CreateHost(bool needsStore = true) =>
        EngineHost.Create(new GlobalFlags(), needsStore, Config.Sources);

    /// <summary>Copies the built recording plugin (dll and manifest) into the plugin folder.</summary>
    public string InstallRecordingPlugin(string folderName = "runtime-recording")
    {
        var source = AppContext.BaseDirectory.Replace(
            $"{Path.DirectorySeparatorChar}Modular.Engine.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}Modular.Plugins.Runtime.Recording{Path.DirectorySeparatorChar}");
        var target = Path.Combine(PluginDirectory, folderName);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>
    /// Installs the recording assembly again as a hook provider, with a manifest of its own,
    /// and names it in modular.conf <c>hook_plugins</c>; returns its folder.
    /// </summary>
    public string InstallRecordingHook()
    {
        var target = InstallRecordingPlugin("hook-recording");
        var manifest = new
        {
            kind = "hook-provider",
            ids = new[] { "recording" },
            contracts = "1.0",
            assembly = "Modular.Plugins.Runtime.Recording.dll",
            module = "Modular.Plugins.Runtime.Recording.RecordingHookModule",
        };
        File.WriteAllText(Path.Combine(target, "modular-plugin.json"), JsonSerializer.Serialize(manifest));
        Config.Environment["MODULAR_CONF"] = Config.Write(
            "modular-hooks.conf",
            $"[modular]\nplugin_dirs = [\"{PluginDirectory}\"]\nhook_plugins = [\"recording\"]\n");
        return target;
    }

    /// <summary>A plugin folder with a manifest and a placeholder assembly that is never loaded.</summary>
    public string AddManifestOnly(string folder, string kind, string id, string contracts = "1.0")
    {
        var target = Path.Combine(PluginDirectory, folder);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "Plugin.dll"), "not an assembly");
        var manifest = new
        {
            kind,
            ids = new[] { id },
            contracts,
            assembly = "Plugin.dll",
            module = "Plugin.Module",
        };
        File.WriteAllText(Path.Combine(target, "modular-plugin.json"), JsonSerializer.Serialize(manifest));
        return target;
    }

    public void Dispose() => Config.Dispose();
}
