using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// A modpod store whose containers.conf picks one network backend (one config line) and
/// a network_config_dir of its own, holding a <c>podman</c> network on a bridge named
/// mpc+hex in a claimed 10.203.N.0/24, so these tests touch no shared bridge. Test
/// networks get bridges with the same prefix and subnets from a second claimed /24.
/// DisposeAsync removes containers, networks and every bridge of that prefix, even after
/// a failed test.
/// </summary>
public abstract class NetworkFixture : IAsyncLifetime
{
    private readonly int _defaultOctet = SubnetClaims.Claim();
    private readonly int _userOctet = SubnetClaims.Claim();
    private int _userNetworks;

    public abstract string Backend { get; }

    public ModpodFixture Modpod { get; private set; } = null!;

    /// <summary>The prefix of every bridge this fixture may create (at most 15 characters).</summary>
    public string BridgePrefix { get; } = "mpc" + Guid.NewGuid().ToString("N")[..6];

    public string DefaultBridge => BridgePrefix + "d";

    public string DefaultSubnet => $"10.203.{_defaultOctet}.0/24";

    /// <summary>"10.203.N." for each subnet this fixture owns, to find its firewall rules.</summary>
    public IEnumerable<string> OwnSubnetPrefixes => [$"10.203.{_defaultOctet}.", $"10.203.{_userOctet}."];

    public string NetworkConfigDirectory { get; } =
        Directory.CreateTempSubdirectory("modular-e2e-net-").FullName;

    public async Task InitializeAsync()
    {
        await DefaultNetworkFile.WriteAsync(Backend, NetworkConfigDirectory, DefaultBridge, _defaultOctet);
        string[] table =
        [
            "[network]",
            $"network_backend = \"{Backend}\"",
            $"network_config_dir = \"{NetworkConfigDirectory}\"",
        ];
        Modpod = await ModpodFixture.CreateAsync(new StoreOptions(ExtraTables: table));
        await Modpod.EnsureBusyboxAsync();
    }

    /// <summary>A new user network name with its own bridge and a /28 of the user subnet.</summary>
    public (string Name, string[] CreateArguments) NextNetwork(string stem)
    {
        var index = Interlocked.Increment(ref _userNetworks);
        var name = $"{stem}-{BridgePrefix}";
        string[] args =
        [
            "network", "create", "--subnet", $"10.203.{_userOctet}.{(index % 16) * 16}/28",
            "--interface-name", $"{BridgePrefix}u{index}", name,
        ];
        return (name, args);
    }

    public async Task DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await Try(() => Modpod.RunAsync(["rm", "-f", "-a", "-t", "0"], null, timeout.Token));
        var networks = await Try(() => Modpod.RunAsync(["network", "ls", "--format", "{{.Name}}"], null, timeout.Token));
        foreach (var name in networks?.Lines.Where(n => n != "podman") ?? [])
        {
            await Try(() => Modpod.RunAsync(["network", "rm", "-f", name], null, timeout.Token));
        }

        await Modpod.DisposeAsync();
        foreach (var link in OwnLinks())
        {
            await Try<BufferedCommandResult>(async () => await Cli.Wrap("ip").WithArguments(["link", "delete", link])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(timeout.Token));
        }

        Directory.Delete(NetworkConfigDirectory, recursive: true);
        SubnetClaims.Release(_defaultOctet);
        SubnetClaims.Release(_userOctet);
    }

    /// <summary>Host links whose name starts with this fixture's bridge prefix.</summary>
    public IReadOnlyList<string> OwnLinks() =>
        Directory.Exists("/sys/class/net")
            ? Directory.GetDirectories("/sys/class/net").Select(Path.GetFileName).OfType<string>()
                .Where(name => name.StartsWith(BridgePrefix, StringComparison.Ordinal)).ToList()
            : [];

    private static async Task<T?> Try<T>(Func<Task<T>> action)
        where T : class
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException
                                     or System.ComponentModel.Win32Exception)
        {
            // Best effort: the next cleanup step still runs.
            return null;
        }
    }
}
