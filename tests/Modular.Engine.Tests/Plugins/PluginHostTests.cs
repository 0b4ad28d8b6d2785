using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Info;
using Modular.Engine.Plugins;
using Xunit;

namespace Modular.Engine.Tests.Plugins;

public sealed class PluginHostTests : IDisposable
{
    private readonly PluginFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task The_recording_plugin_dropped_in_a_folder_is_loaded_and_its_wrapper_runs_runc()
    {
        var folder = _folders.InstallRecordingPlugin();
        _folders.SelectRuntime("recording");
        await using var host = _folders.CreateHost();

        var runtime = host.Services.GetRequiredService<IRuntimeRegistry>().Get(host.Options.Runtime);
        var command = runtime.Resolve(RuntimeContexts.For(host.Options, runtime.Id));
        var result = await Cli.Wrap(command.Executable).WithArguments(["--version"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

        Assert.Equal("recording", runtime.Id);
        Assert.StartsWith(folder, runtime.GetType().Assembly.Location);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("runc version", result.StandardOutput);
        var log = Path.Combine(_folders.RunRoot, "runtime", "recording", "recording.log");
        Assert.Equal("--version", File.ReadAllText(log).Trim());
        Assert.Contains(host.Services.GetRequiredService<PluginHost>().Statuses(),
            s => s is { Id: "recording", Status: "loaded" });
    }

    [Fact]
    public async Task Version_loads_no_plugin()
    {
        _folders.InstallRecordingPlugin();
        _folders.SelectRuntime("recording");
        await using var host = _folders.CreateHost(needsStore: false);

        var version = host.Services.GetRequiredService<IInfoProvider>().GetVersion();

        Assert.Equal(ProductVersion.Version, version.Json["Client"]!["Version"]!.GetValue<string>());
        var plugins = host.Services.GetRequiredService<PluginHost>();
        Assert.False(plugins.AnyLoaded);
        Assert.DoesNotContain(plugins.Statuses(), s => s.Status == "loaded");
    }

    [Fact]
    public async Task An_unknown_runtime_is_one_line_listing_the_installed_ones()
    {
        _folders.InstallRecordingPlugin();
        _folders.AddManifestOnly("runtime-runc", "runtime", "runc");
        _folders.AddManifestOnly("runtime-crun", "runtime", "crun");
        await using var host = _folders.CreateHost();

        var error = Assert.Throws<InvalidInputException>(
            () => host.Services.GetRequiredService<IRuntimeRegistry>().Get("foo"));

        Assert.Equal("unknown runtime \"foo\": installed runtimes are crun, recording, runc", error.Message);
        Assert.False(host.Services.GetRequiredService<PluginHost>().AnyLoaded);
    }

    [Fact]
    public async Task A_manifest_for_another_contracts_version_is_skipped_with_the_reason()
    {
        _folders.AddManifestOnly("runtime-old", "runtime", "old", contracts: "0.0");
        await using var host = _folders.CreateHost();

        var statuses = host.Services.GetRequiredService<PluginHost>().Statuses();
        var registry = host.Services.GetRequiredService<IRuntimeRegistry>();

        var skipped = Assert.Single(statuses, s => s.Id == "old");
        Assert.Equal("skipped", skipped.Status);
        Assert.Equal(
            "runtime plugin \"old\" was built for contracts 0.0, this engine has 1.0.0: "
            + "incompatible major version",
            skipped.Reason);
        Assert.DoesNotContain("old", registry.InstalledIds);
    }

    [Fact]
    public async Task A_malformed_manifest_is_skipped_with_the_reason()
    {
        var folder = Path.Combine(_folders.PluginDirectory, "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "modular-plugin.json"), "{ not json");
        await using var host = _folders.CreateHost();

        var status = Assert.Single(host.Services.GetRequiredService<PluginHost>().Statuses());

        Assert.Equal(("broken", "skipped"), (status.Id, status.Status));
        Assert.StartsWith("malformed modular-plugin.json", status.Reason);
    }

    [Fact]
    public async Task A_selected_plugin_that_fails_to_load_names_its_kind_and_id()
    {
        _folders.AddManifestOnly("runtime-bad", "runtime", "bad");
        await using var host = _folders.CreateHost();
        var plugins = host.Services.GetRequiredService<PluginHost>();

        var error = Assert.Throws<BackendException>(
            () => host.Services.GetRequiredService<IRuntimeRegistry>().Get("bad"));

        Assert.StartsWith("runtime plugin \"bad\" failed to load", error.Message);
        Assert.Contains(plugins.Statuses(), s => s is { Id: "bad", Status: "failed" } && s.Reason is not null);
    }

    [Fact]
    public async Task A_driver_other_than_the_one_the_store_was_made_with_is_refused_naming_both()
    {
        _folders.AddManifestOnly("storage-overlay", "storage", "overlay");
        Directory.CreateDirectory(_folders.GraphRoot);
        File.WriteAllText(Path.Combine(_folders.GraphRoot, "driver"), "vfs\n");
        await using var host = _folders.CreateHost();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => host.Services.GetRequiredService<StorageDriverProvider>().GetAsync(CancellationToken.None));

        Assert.Equal(
            "database graph driver \"vfs\" does not match our graph driver \"overlay\": "
            + "database configuration mismatch",
            error.Message);
    }

    [Fact]
    public async Task An_unknown_storage_driver_is_one_line_listing_the_installed_ones()
    {
        _folders.AddManifestOnly("storage-overlay", "storage", "overlay");
        _folders.Config.Environment["CONTAINERS_STORAGE_CONF"] = _folders.Config.Write(
            "storage2.conf", $"[storage]\ndriver = \"zfs\"\ngraphroot = \"{_folders.GraphRoot}\"\n");
        await using var host = _folders.CreateHost();

        var error = Assert.Throws<InvalidInputException>(
            () => host.Services.GetRequiredService<IStorageDriver>());

        Assert.Equal("unknown storage driver \"zfs\": installed drivers are overlay", error.Message);
    }

    [Fact]
    public async Task Info_shows_the_runtime_under_podmans_keys_and_our_plugins()
    {
        _folders.InstallRecordingPlugin();
        _folders.SelectRuntime("recording");

        // A storage plugin that is installed but cannot load: info still answers and says why.
        _folders.AddManifestOnly("storage-broken", "storage", "overlay");
        await using var host = _folders.CreateHost();

        var info = await host.Services.GetRequiredService<IInfoProvider>().GetInfoAsync(CancellationToken.None);

        Assert.Equal("recording", info.Json["host"]!["ociRuntime"]!["name"]!.GetValue<string>());
        Assert.Equal("recording", info.Template["Host"]!["OCIRuntime"]!["Name"]!.GetValue<string>());
        Assert.Equal("overlay", info.Template["Store"]!["GraphDriverName"]!.GetValue<string>());
        Assert.Equal(_folders.GraphRoot, info.Json["store"]!["graphRoot"]!.GetValue<string>());
        Assert.Contains("runc", info.Json["host"]!["ociRuntime"]!["path"]!.GetValue<string>());
        var plugins = info.Json["modularPlugins"]!.AsArray();
        Assert.Equal("loaded", Status(plugins, "runtime"));
        Assert.Equal("failed", Status(plugins, "storage"));
    }

    private static string Status(System.Text.Json.Nodes.JsonArray plugins, string kind) =>
        plugins.Single(p => p!["kind"]!.GetValue<string>() == kind)!["status"]!.GetValue<string>();
}
