using CliWrap;
using CliWrap.Buffered;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// What a fixture's containers leave on the host, counted so a leak shows as a changed
/// number: its links (bridges of its prefix and the veths plugged into them), namespace
/// files and nsfs mounts under its runroot, firewall rules naming its subnets or bridges,
/// and address leases (the engine's lease database and CNI host-local files). Only the
/// fixture's own traces are counted, so other users of the host cannot disturb the count.
/// </summary>
public sealed record NetworkTraces(int Links, int Namespaces, int FirewallRules, int Leases)
{
    public static async Task<NetworkTraces> CountAsync(NetworkFixture fixture)
    {
        var bridges = fixture.OwnLinks();
        var veths = bridges.Sum(bridge => Directory.Exists($"/sys/class/net/{bridge}/brif")
            ? Directory.GetFileSystemEntries($"/sys/class/net/{bridge}/brif").Length
            : 0);
        var runRoot = fixture.Modpod.RunRoot;
        var netnsDirectory = Path.Combine(runRoot, "netns");
        var namespaceFiles = Directory.Exists(netnsDirectory) ? Directory.GetFiles(netnsDirectory).Length : 0;
        var nsfsMounts = File.ReadLines("/proc/self/mountinfo")
            .Count(line => line.Contains(runRoot + "/", StringComparison.Ordinal) && line.Contains(" nsfs ", StringComparison.Ordinal));
        return new NetworkTraces(
            bridges.Count + veths,
            namespaceFiles + nsfsMounts,
            await FirewallRulesAsync(fixture),
            await LeasesAsync(runRoot));
    }

    private static async Task<int> FirewallRulesAsync(NetworkFixture fixture)
    {
        var result = await Cli.Wrap("iptables-save").WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        var markers = fixture.OwnSubnetPrefixes.Append(fixture.BridgePrefix).ToList();
        return result.StandardOutput.Split('\n')
            .Count(line => markers.Any(marker => line.Contains(marker, StringComparison.Ordinal)));
    }

    private static async Task<int> LeasesAsync(string runRoot)
    {
        var database = Path.Combine(runRoot, "networks", "leases.db");
        var rows = 0;
        if (File.Exists(database))
        {
            var result = await Cli.Wrap("sqlite3")
                .WithArguments([database, "SELECT (SELECT count(*) FROM leases) + (SELECT count(*) FROM attachments);"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            rows = int.TryParse(result.StandardOutput.Trim(), out var count) ? count : -1;
        }

        // CNI host-local writes one file per leased address, named by the address.
        var cni = Path.Combine(runRoot, "networks", "cni");
        var files = Directory.Exists(cni)
            ? Directory.EnumerateFiles(cni, "*", SearchOption.AllDirectories)
                .Count(path => System.Net.IPAddress.TryParse(Path.GetFileName(path), out _))
            : 0;
        return rows + files;
    }
}
