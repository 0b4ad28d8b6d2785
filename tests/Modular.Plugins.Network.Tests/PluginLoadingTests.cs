using Microsoft.Extensions.Logging.Abstractions;
using Modular.Conformance.Network;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Contracts.Plugins;
using Modular.Engine.Configuration;
using Modular.Engine.Plugins;

namespace Modular.Plugins.Network.Tests;

/// <summary>
/// The plugin as the engine sees it: a folder with its manifest, loaded by the plugin host
/// into its own load context, CliWrap included, for either id.
/// </summary>
public sealed class PluginLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("modular-network-plugin-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("netavark")]
    [InlineData("cni")]
    public async Task The_engine_loads_the_plugin_folder_and_its_backend_reports_program_errors(string id)
    {
        var folder = InstallPlugin();
        using var host = new PluginHost(Options(), NullLoggerFactory.Instance);

        var backend = host.Load<INetworkBackend>(PluginKind.Network, id);

        Assert.NotNull(backend);
        Assert.Equal(id, backend.Id);
        Assert.StartsWith(folder, backend.GetType().Assembly.Location);
        await backend.InitializeAsync(
            new NetworkBackendOptions(Path.Combine(_root, "conf"), Path.Combine(_root, "run"), []), default);
        Assert.Empty(await backend.LoadNetworksAsync(default));
        if (RequiredPrograms.MissingReason() is null)
        {
            await Assert.ThrowsAsync<BackendException>(() => backend.SetupAsync(Unreachable(), default));
        }
    }

    /// <summary>A setup whose namespace does not exist: the program runs, and fails.</summary>
    private static NetworkSetupRequest Unreachable()
    {
        var network = new NetworkDefinition
        {
            Name = "mpt-load-" + NetworkSandbox.Hex(3),
            Id = NetworkSandbox.Hex(32),
            NetworkInterface = "mpt" + NetworkSandbox.Hex(3),
            Subnets = [new NetworkSubnet("10.201.255.0/24", "10.201.255.1")],
        };
        return new NetworkSetupRequest(
            NetworkSandbox.Hex(32), "unreachable", "/run/netns/mpt-absent-" + NetworkSandbox.Hex(4),
            [new NetworkAttachment(network, "eth0", ["10.201.255.9"], null, [])], []);
    }

    private EngineOptions Options() => new()
    {
        GraphRoot = Path.Combine(_root, "graph"),
        RunRoot = Path.Combine(_root, "runroot"),
        StorageDriver = "vfs",
        Runtime = "runc",
        CgroupManager = "cgroupfs",
        DefaultCapabilities = [],
        PluginDirectories = [Path.Combine(_root, "plugins")],
    };

    /// <summary>Copies the plugin's build output (next to this test's, same configuration).</summary>
    private string InstallPlugin()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = Path.Combine(repository, "plugins", "network-cni", "bin", configuration, testOutput.Name);
        var folder = Path.Combine(_root, "plugins", "network-cni");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(built))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
