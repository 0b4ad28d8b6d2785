using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Plugins;

/// <summary>
/// The out-of-tree gVisor plugin (examples/runtime-runsc) built by its own build.sh against
/// the packed contracts, dropped into a plugin folder of its own, and a modpod store that
/// selects it with one containers.conf line (<c>runtime = "runsc"</c>). Nothing of Modular
/// is rebuilt. DisposeAsync removes the store and the folder.
/// </summary>
public sealed class RunscPluginFixture : IAsyncLifetime
{
    public const string Runsc = "/usr/bin/runsc";

    public string PluginDirectory { get; } =
        Directory.CreateTempSubdirectory("modular-e2e-runsc-").FullName;

    public ModpodFixture Modpod { get; private set; } = null!;

    public string Folder => Path.Combine(PluginDirectory, "runtime-runsc");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "examples", "runtime-runsc", "build.sh");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var build = await Cli.Wrap(script).WithArguments(["--install", PluginDirectory])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("build.sh failed: " + build.StandardError + build.StandardOutput);
        }

        Modpod = await ModpodFixture.CreateAsync(
            new StoreOptions(Runtime: "runsc", ExtraPluginDirs: [PluginDirectory]));
        await Modpod.EnsureBusyboxAsync();
    }

    /// <summary>A copy of the plugin whose manifest claims another contracts version.</summary>
    public string CopyWithContracts(string version)
    {
        var directory = Directory.CreateTempSubdirectory("modular-e2e-runsc-future-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(directory, "runtime-runsc")).FullName;
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var manifestPath = Path.Combine(folder, "modular-plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["contracts"] = version;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return directory;
    }

    public async Task DisposeAsync()
    {
        if (Modpod is not null)
        {
            await Modpod.DisposeAsync();
        }

        Directory.Delete(PluginDirectory, recursive: true);
    }
}
