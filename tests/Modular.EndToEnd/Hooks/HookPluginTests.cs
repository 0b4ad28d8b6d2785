using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Hooks;

/// <summary>
/// In-process hook plugins (kind hook-provider, listed in modular.conf <c>hook_plugins</c>)
/// hear each container's lifecycle from the events log's one writer, in every modpod
/// process: conmon's cleanup call reports the exit.
/// </summary>
public sealed class HookPluginTests
{
    [Fact]
    public async Task A_hook_plugin_hears_create_init_start_died_and_remove_of_a_run_rm()
    {
        var plugins = Directory.CreateTempSubdirectory("modular-e2e-hook-plugins-").FullName;
        try
        {
            var folder = InstallRecordingHook(plugins);
            await using var store = await ModpodFixture.CreateAsync(new StoreOptions(ExtraPluginDirs: [plugins]));
            File.AppendAllText(Path.Combine(store.Directory, "modular.conf"), "\nhook_plugins = [\"recording\"]\n");
            var image = await store.EnsureBusyboxAsync();

            var run = await store.RunAsync("run", "--rm", "--name", "hooked", image, "true");
            var id = JsonDocument.Parse(File.ReadAllLines(Path.Combine(store.Directory, "events", "events.log"))
                .First(line => line.Contains("\"hooked\"", StringComparison.Ordinal)))
                .RootElement.GetProperty("ID").GetString();

            ModpodAssert.Exit(0, run);
            var heard = File.ReadAllLines(Path.Combine(folder, "hook.log"))
                .Where(line => line.EndsWith(" " + id, StringComparison.Ordinal))
                .Select(line => line.Split(' ')[1])
                .ToList();
            string[] lifecycle = ["create", "init", "start", "died", "remove"];
            Assert.Equal(lifecycle, heard.Where(lifecycle.Contains));
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    // The recording assembly again, under a hook-provider manifest naming its hook module.
    private static string InstallRecordingHook(string plugins)
    {
        var target = Path.Combine(plugins, "hook-recording");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.TestPlugins, "recording")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var manifest = new
        {
            kind = "hook-provider",
            ids = new[] { "recording" },
            contracts = "1.0",
            assembly = "Modular.Plugins.Runtime.Recording.dll",
            module = "Modular.Plugins.Runtime.Recording.RecordingHookModule",
        };
        File.WriteAllText(Path.Combine(target, "modular-plugin.json"), JsonSerializer.Serialize(manifest));
        return target;
    }
}
