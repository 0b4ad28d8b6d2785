namespace Modular.Plugins.Network.Cni.Cni;

/// <summary>
/// Debian's dnsname 1.3.1 opens DNS to the bridge with
/// <c>-A INPUT -i BRIDGE -p udp -m udp --dport 53 -j ACCEPT</c> when it starts dnsmasq and
/// never removes it, so each run/rm cycle would leave one more rule. Once dnsmasq is gone
/// (dnsname removes its directory with the network's last container), we remove it.
/// </summary>
internal sealed class DnsnameFirewallRules(ProgramRunner runner)
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    public async Task RemoveAsync(string bridge, CancellationToken cancellationToken)
    {
        if (bridge.Length == 0)
        {
            return;
        }

        var iptables = ExecutableSearch.System("iptables");
        var listing = await runner.RunAsync(
            iptables, ["-S", "INPUT"], null, NoEnvironment, cancellationToken);
        var rules = listing.StandardOutput.Split('\n')
            .Where(line => line.StartsWith($"-A INPUT -i {bridge} ", StringComparison.Ordinal)
                           && line.Contains("--dport 53 ", StringComparison.Ordinal)
                           && line.EndsWith("-j ACCEPT", StringComparison.Ordinal));
        foreach (var rule in rules)
        {
            // The rule has no quoted parts, so splitting on spaces gives iptables' own arguments.
            string[] arguments = ["-D", .. rule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
            await runner.RunAsync(iptables, arguments, null, NoEnvironment, cancellationToken);
        }
    }
}
