using System.Security.Cryptography;

namespace Modular.Plugins.Network.Cni;

/// <summary>
/// Both programs tear down through the container's namespace. Without it (a crash, a
/// namespace already unmounted) netavark 1.4 stops before the port rules, the aardvark-dns
/// entry and the bridge, and CNI's bridge plugin skips its masquerade rules, which it
/// finds from the interface's addresses. This stand-in holds one veth per interface name,
/// with the addresses the container had, which they delete as the container's; so the
/// teardown completes. Removed on dispose.
/// Known gap: a namespace deleted a moment ago may still hold its veth on the bridge while
/// the kernel frees it; netavark then counts that port and leaves the network's own rules
/// until the network's last container is torn down.
/// </summary>
internal sealed class StandInNamespace : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly ProgramRunner _runner;
    private readonly string _name;

    private StandInNamespace(ProgramRunner runner)
    {
        _runner = runner;
        _name = "modular-td-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    public string Path => "/run/netns/" + _name;

    public static async Task<StandInNamespace> CreateAsync(
        ProgramRunner runner,
        IReadOnlyDictionary<string, IReadOnlyList<string>> interfaces,
        CancellationToken cancellationToken)
    {
        var stand = new StandInNamespace(runner);
        await stand.IpAsync(["netns", "add", stand._name], cancellationToken);
        var index = 0;
        foreach (var (interfaceName, addresses) in interfaces)
        {
            // The peer stays inside too, so the pair goes with the namespace at worst.
            var peer = $"mtdpeer{index++}";
            string[] add = ["link", "add", interfaceName, "type", "veth", "peer", "name", peer];
            await stand.IpAsync(["-n", stand._name, .. add], cancellationToken);
            foreach (var cidr in addresses)
            {
                string[] address = ["addr", "add", cidr, "dev", interfaceName];
                await stand.IpAsync(["-n", stand._name, .. address], cancellationToken);
            }
        }

        return stand;
    }

    public async ValueTask DisposeAsync()
    {
        // Its own deadline: this runs after a teardown whose token may be spent.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await IpAsync(["netns", "delete", _name], timeout.Token);
    }

    private Task<ProgramResult> IpAsync(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken) =>
        _runner.RunAsync(ExecutableSearch.System("ip"), arguments, null, NoEnvironment, cancellationToken);
}
