using Microsoft.Extensions.Logging.Abstractions;
using Modular.Engine.Configuration;
using Modular.Engine.Networks;
using Modular.Engine.Plugins;
using Modular.Engine.State;

namespace Modular.Engine.Tests.Networks;

/// <summary>A network service over <see cref="FakeNetworkBackend"/> in a private temp store.</summary>
public sealed class NetworkServiceFixture : IDisposable
{
    private readonly PluginHost _plugins;

    public NetworkServiceFixture()
    {
        Root = Directory.CreateTempSubdirectory("modular-networks-").FullName;
        Options = new EngineOptions
        {
            GraphRoot = Path.Combine(Root, "root"),
            RunRoot = Path.Combine(Root, "runroot"),
            StorageDriver = "vfs",
            Runtime = "crun",
            CgroupManager = "cgroupfs",
            DefaultCapabilities = [],
            Networking = new NetworkOptions
            {
                NetworkConfigDir = Path.Combine(Root, "networks"),
                DefaultSubnet = "10.202.0.0/24",
                DefaultSubnetPools = [new SubnetPool("10.202.0.0/16", 24)],
            },
        };
        _plugins = new PluginHost(Options, NullLoggerFactory.Instance);
        Service = new NetworkService(
            Options,
            NetworkBackendProvider.For(Backend, _plugins, Options),
            new FakeHostInterfaces(),
            new NetworkUsage(Options),
            NullLogger<NetworkService>.Instance);
    }

    public string Root { get; }

    public EngineOptions Options { get; }

    public FakeNetworkBackend Backend { get; } = new();

    public NetworkService Service { get; }

    /// <summary>Records a container that joined <paramref name="networks"/>, as create would.</summary>
    public async Task AddContainerAsync(string id, params string[] networks)
    {
        var store = new ContainerStore(Options.GraphRoot);
        await store.InitializeAsync(CancellationToken.None);
        var config = new ContainerConfig
        {
            Id = id,
            Name = "c-" + id,
            Created = DateTimeOffset.UtcNow,
            Hostname = id[..12],
            Runtime = "crun",
            NetworkMode = "bridge",
            Networks = networks.ToDictionary(n => n, _ => new ContainerNetworkOptions("eth0", [], null, [])),
        };
        await store.InsertAsync(new ContainerRecord(config, new ContainerRuntimeState()), CancellationToken.None);
    }

    public void Dispose()
    {
        _plugins.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
