using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Configuration;

/// <summary>Backends are chosen by config keys alone, with no rebuild.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Runc_and_vfs_from_config_files_run_the_container_and_info_shows_both()
    {
        await using var store = await Store(new StoreOptions(Runtime: "runc", Driver: "vfs"));
        var image = await store.Fixture.EnsureBusyboxAsync();

        var run = await store.Fixture.RunAsync("run", "--rm", image, "echo", "ok");
        var info = await store.Fixture.RunAsync(
            "info", "--format", "{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}");

        ModpodAssert.Exit(0, run);
        Assert.Equal("ok", run.Output);
        Assert.Equal("runc vfs", info.Output);
    }

    [Fact]
    public async Task An_unknown_runtime_is_one_line_listing_the_installed_ones()
    {
        await using var store = await Store(StoreOptions.Default);

        var result = await store.Fixture.RunAsync("--runtime", "no-such-runtime", "info");

        ModpodAssert.Exit(125, result);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("no-such-runtime", line);
        Assert.Contains("crun", line);
        Assert.Contains("runc", line);
    }

    [Fact]
    public async Task The_recording_plugin_dropped_in_a_plugin_dir_and_selected_by_one_line_runs_runc()
    {
        var plugins = Directory.CreateTempSubdirectory("modular-e2e-plugins-").FullName;
        try
        {
            CopyDirectory(
                Path.Combine(RepositoryPaths.TestPlugins, "recording"),
                Path.Combine(plugins, "recording"));
            await using var store = await Store(
                new StoreOptions(Runtime: "recording", ExtraPluginDirs: [plugins]));
            var log = Path.Combine(plugins, "recording.log");
            var env = new Dictionary<string, string?> { ["MODULAR_RECORDING_LOG"] = log };
            var image = await store.Fixture.EnsureBusyboxAsync();

            var run = await store.Fixture.RunAsync(["run", "--rm", image, "echo", "recorded"], env);
            var info = await store.Fixture.RunAsync(["info", "--format", "{{.Host.OCIRuntime.Name}}"], env);

            ModpodAssert.Exit(0, run);
            Assert.Equal("recorded", run.Output);
            Assert.Equal("recording", info.Output);
            var calls = RecordedCalls(log, store.Fixture.Directory);
            Assert.Contains("create", calls);
            Assert.Contains("delete", calls);
        }
        finally
        {
            Directory.Delete(plugins, recursive: true);
        }
    }

    // The plugin logs to MODULAR_RECORDING_LOG when conmon passes it on, else to
    // recording.log in its state root under the store: either proves the calls.
    private static string RecordedCalls(string log, string storeDir)
    {
        var files = Directory.EnumerateFiles(storeDir, "recording.log", SearchOption.AllDirectories)
            .Prepend(log)
            .Where(File.Exists);
        return string.Join("\n", files.Select(File.ReadAllText));
    }

    [Fact]
    public async Task Another_driver_on_a_populated_store_is_refused_before_any_command_changes_it()
    {
        await using var store = await Store(StoreOptions.Default);
        var image = await store.Fixture.EnsureBusyboxAsync();
        var before = await store.Fixture.RunAsync("images", "-q", "--no-trunc");

        var images = await store.Fixture.RunAsync("--storage-driver", "vfs", "images");
        var rmi = await store.Fixture.RunAsync("--storage-driver", "vfs", "rmi", image);
        var unknown = await store.Fixture.RunAsync("--storage-driver", "no-such-driver", "ps", "-a");
        var after = await store.Fixture.RunAsync("images", "-q", "--no-trunc");

        ModpodAssert.Exit(125, images);
        Assert.Contains("does not match our graph driver \"vfs\"", Assert.Single(images.ErrorLines));
        ModpodAssert.Exit(125, rmi);
        ModpodAssert.Exit(125, unknown);
        Assert.Contains("overlay", Assert.Single(unknown.ErrorLines));
        Assert.Equal(before.Output, after.Output);
    }

    private static async Task<OwnedStore> Store(StoreOptions options) =>
        new(await ModpodFixture.CreateAsync(options));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
