using System.Security.Cryptography;
using CliWrap;
using Modular.Contracts.Network;

namespace Modular.Conformance.Network;

/// <summary>
/// Everything one test touches on the host, made unique so parallel tests and other
/// helpers never collide: a temp config and run directory, a bridge mpt+6 hex, a /24
/// from 10.201.0.0/16 and namespaces mpt-+8 hex. DisposeAsync undoes all of it, even
/// after a failed assertion: setups, background programs, namespaces, networks, the
/// bridge, the DNS servers started for it, and iptables rules naming its subnet.
/// </summary>
public sealed partial class NetworkSandbox : IAsyncDisposable
{
    private static readonly HashSet<int> TakenOctets = [];

    private readonly List<string> _namespaces = [];
    private readonly List<NetworkDefinition> _networks = [];
    private readonly List<NetworkSetupRequest> _setups = [];
    private readonly List<Task> _background = [];
    private readonly CancellationTokenSource _stop = new();

    private NetworkSandbox(INetworkBackend backend, string root, int octet, int secondOctet)
    {
        Backend = backend;
        Root = root;
        Octet = octet;
        SecondOctet = secondOctet;
        Bridge = "mpt" + Hex(3);
        SecondBridge = "mpt" + Hex(3);
    }

    public INetworkBackend Backend { get; }

    public string Root { get; }

    public string ConfigDirectory => Path.Combine(Root, "config");

    public string RunDirectory => Path.Combine(Root, "run");

    public string Bridge { get; }

    public int Octet { get; }

    /// <summary>A second bridge and /24, for tests that join two networks at once.</summary>
    public string SecondBridge { get; }

    public int SecondOctet { get; }

    public string Subnet => $"10.201.{Octet}.0/24";

    public string Gateway => $"10.201.{Octet}.1";

    /// <summary>Text that only this sandbox's rules, routes and leases contain.</summary>
    public string SubnetPrefix => $"10.201.{Octet}.";

    public static async Task<NetworkSandbox> CreateAsync(INetworkBackend backend, IReadOnlyList<string> pluginDirectories)
    {
        var root = Directory.CreateTempSubdirectory("modular-network-test-").FullName;
        var sandbox = new NetworkSandbox(backend, root, await FreeOctetAsync(), await FreeOctetAsync());
        var options = new NetworkBackendOptions(sandbox.ConfigDirectory, sandbox.RunDirectory, pluginDirectories);
        await backend.InitializeAsync(options, default);
        return sandbox;
    }

    public static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    public string Address(int host) => SubnetPrefix + host;

    public NetworkDefinition Network(bool dns, bool second = false)
    {
        var octet = second ? SecondOctet : Octet;
        var network = new NetworkDefinition
        {
            Name = "mpt-net-" + Hex(4),
            Id = Hex(32),
            Driver = "bridge",
            NetworkInterface = second ? SecondBridge : Bridge,
            Created = DateTimeOffset.UtcNow,
            Subnets = [new NetworkSubnet($"10.201.{octet}.0/24", $"10.201.{octet}.1")],
            DnsEnabled = dns,
            IpamOptions = new Dictionary<string, string> { ["driver"] = "host-local" },
        };
        _networks.Add(network);
        return network;
    }

    /// <summary>A fresh network namespace with lo down, as the engine hands one over.</summary>
    public async Task<string> NamespaceAsync()
    {
        var name = "mpt-" + Hex(4);
        _namespaces.Add(name);
        await HostCommand.MustAsync("ip", "netns", "add", name);
        return name;
    }

    public static string NamespacePath(string name) => "/run/netns/" + name;

    /// <summary>
    /// The kernel frees a deleted namespace later, on a work queue; until then the container's
    /// veth still sits on the bridge, and netavark, seeing a port, keeps the network's rules
    /// as if another container used it. A crashed container's namespace is long gone by the
    /// time it is torn down, so the test waits for that state rather than racing the kernel.
    /// </summary>
    public async Task WaitUntilBridgeHasNoPortsAsync()
    {
        var ports = "/sys/class/net/" + Bridge + "/brif";
        for (var waited = 0; waited < 100 && Directory.Exists(ports); waited++)
        {
            if (Directory.GetFileSystemEntries(ports).Length == 0)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A parent for macvlan: a veth pair, both ends up, under this sandbox's bridge name
    /// (a macvlan network has no bridge), so dispose removes it with the bridge.
    /// </summary>
    public async Task<string> ParentInterfaceAsync()
    {
        await HostCommand.MustAsync("ip", "link", "add", Bridge, "type", "veth", "peer", "name", Bridge + "p");
        await HostCommand.MustAsync("ip", "link", "set", Bridge, "up");
        await HostCommand.MustAsync("ip", "link", "set", Bridge + "p", "up");
        return Bridge;
    }

    public async Task<NetworkSetupResult> SetupAsync(NetworkSetupRequest request)
    {
        _setups.Add(request);
        return await Backend.SetupAsync(request, default);
    }

    public async Task TeardownAsync(NetworkSetupRequest request)
    {
        await Backend.TeardownAsync(request, default);
        _setups.Remove(request);
    }

    /// <summary>Starts a long-running busybox applet in a namespace; stopped (by its PID) on dispose.</summary>
    public void StartInNamespace(string ns, params string[] busyboxArguments)
    {
        var command = Cli.Wrap(HostCommand.Resolve("ip"))
            .WithArguments(["netns", "exec", ns, "/bin/busybox", .. busyboxArguments])
            .WithValidation(CommandResultValidation.None);
        _background.Add(IgnoreCancellation(command.ExecuteAsync(_stop.Token)));
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopping it is the point.
        }
    }

    private static async Task<int> FreeOctetAsync()
    {
        var routes = await HostCommand.MustAsync("ip", "-4", "route", "show");
        lock (TakenOctets)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var octet = RandomNumberGenerator.GetInt32(0, 256);
                if (!routes.Contains($"10.201.{octet}.") && TakenOctets.Add(octet))
                {
                    return octet;
                }
            }
        }

        throw new InvalidOperationException("no free /24 left in 10.201.0.0/16");
    }
}
