using Modular.EndToEnd.Fixtures;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// A fresh store whose networks live in a directory of their own (never /etc/modular or
/// Podman's), with the chosen backend and a default network on 10.202.0.0/24, pools in
/// 10.202.0.0/16. Disposing removes every network the test created, then the store.
/// </summary>
public sealed class NetworkStore : IAsyncDisposable
{
    private NetworkStore(ModpodFixture fixture, string configDirectory)
    {
        Fixture = fixture;
        ConfigDirectory = configDirectory;
    }

    public ModpodFixture Fixture { get; }

    public string ConfigDirectory { get; }

    public static async Task<NetworkStore> CreateAsync(string backend)
    {
        var configDirectory = Directory.CreateTempSubdirectory("modular-e2e-networks-").FullName;
        var fixture = await ModpodFixture.CreateAsync(new StoreOptions(ExtraTables:
        [
            "[network]",
            $"network_backend = \"{backend}\"",
            $"network_config_dir = \"{configDirectory}\"",
            "default_subnet = \"10.202.0.0/24\"",
            "default_subnet_pools = [{\"base\" = \"10.202.0.0/16\", \"size\" = 24}]",
        ]));
        return new NetworkStore(fixture, configDirectory);
    }

    public Task<ModpodResult> RunAsync(params string[] args) => Fixture.RunAsync(args);

    public async ValueTask DisposeAsync()
    {
        try
        {
            var names = await Fixture.RunAsync("network", "ls", "-q");
            foreach (var name in names.Lines.Where(n => n != "podman"))
            {
                await Fixture.RunAsync("network", "rm", "-f", name);
            }
        }
        finally
        {
            await Fixture.DisposeAsync();
            Directory.Delete(ConfigDirectory, recursive: true);
        }
    }
}
