using System.Text.RegularExpressions;

namespace Modular.Conformance.Network;

/// <summary>
/// Removes iptables rules a failed test left behind: rules naming its subnet or bridge,
/// then the chains those rules jumped to once nothing else refers to them. Only lines
/// with this sandbox's unique subnet or bridge are touched, never anyone else's.
/// </summary>
internal sealed partial class IptablesLeftovers(string subnetPrefix, string bridge)
{
    public async Task RemoveAsync()
    {
        var saved = await HostCommand.MustAsync("iptables-save");
        var targets = new List<(string Table, string Chain)>();
        var table = "";
        foreach (var line in saved.Split('\n'))
        {
            if (line.StartsWith('*'))
            {
                table = line[1..];
            }
            else if (line.StartsWith("-A ") && (line.Contains(subnetPrefix) || line.Contains(bridge)))
            {
                // sh parses the quoted comments exactly as iptables-save wrote them.
                await HostCommand.RunAsync("sh", "-c", $"{HostCommand.Resolve("iptables")} -t {table} -D {line[3..]}");
                if (JumpTarget().Match(line) is { Success: true } jump)
                {
                    targets.Add((table, jump.Groups[1].Value));
                }
            }
        }

        foreach (var (chainTable, chain) in targets.Distinct())
        {
            await RemoveChainIfUnusedAsync(chainTable, chain);
        }
    }

    private static async Task RemoveChainIfUnusedAsync(string table, string chain)
    {
        if (!chain.StartsWith("CNI-") && !chain.StartsWith("NETAVARK-"))
        {
            return;
        }

        var rules = await HostCommand.MustAsync("iptables", "-t", table, "-S");
        if (rules.Contains($"-j {chain}\n") || rules.Contains($"-j {chain} "))
        {
            return;
        }

        await HostCommand.RunAsync("iptables", "-t", table, "-F", chain);
        await HostCommand.RunAsync("iptables", "-t", table, "-X", chain);
    }

    [GeneratedRegex(@" -j ([A-Za-z0-9_-]+)")]
    private static partial Regex JumpTarget();
}
