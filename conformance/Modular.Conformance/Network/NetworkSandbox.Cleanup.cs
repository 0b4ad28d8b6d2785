using Modular.Contracts.Network;

namespace Modular.Conformance.Network;

/// <summary>Undoing the sandbox, step by step, each step going on when another failed.</summary>
public sealed partial class NetworkSandbox
{
    public async ValueTask DisposeAsync()
    {
        foreach (var request in _setups.ToList())
        {
            await TryAsync(() => Backend.TeardownAsync(request, default));
        }

        await _stop.CancelAsync();
        await Task.WhenAll(_background);
        foreach (var ns in _namespaces)
        {
            await TryAsync(() => HostCommand.RunAsync("ip", "netns", "delete", ns));
        }

        foreach (var network in _networks)
        {
            await TryAsync(() => Backend.DeleteNetworkAsync(network, default));
        }

        StopDnsServers();
        foreach (var (bridge, octet) in new[] { (Bridge, Octet), (SecondBridge, SecondOctet) })
        {
            if (Directory.Exists("/sys/class/net/" + bridge))
            {
                await TryAsync(() => HostCommand.RunAsync("ip", "link", "delete", bridge));
            }

            await TryAsync(() => new IptablesLeftovers($"10.201.{octet}.", bridge).RemoveAsync());
        }

        Directory.Delete(Root, recursive: true);
        _stop.Dispose();
    }

    /// <summary>
    /// aardvark-dns and dnsmasq are started by the programs under test; each leaves a pid
    /// file under this sandbox's run directory, and its command line names that directory,
    /// so only the servers of this test are stopped.
    /// </summary>
    private void StopDnsServers()
    {
        if (!Directory.Exists(RunDirectory))
        {
            return;
        }

        var pidFiles = Directory.EnumerateFiles(RunDirectory, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) is "aardvark.pid" or "pidfile");
        foreach (var file in pidFiles)
        {
            if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && CommandLineNamesSandbox(pid))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
    }

    private bool CommandLineNamesSandbox(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(Root, StringComparison.Ordinal);
    }

    /// <summary>Anything this sandbox left in iptables: lines naming its subnet, bridge or a container id.</summary>
    public async Task<IReadOnlyList<string>> IptablesLinesAsync(params string[] containerIds)
    {
        var text = await HostCommand.MustAsync("iptables-save");
        string[] tokens = [SubnetPrefix, Bridge, $"10.201.{SecondOctet}.", SecondBridge, .. containerIds];
        return text.Split('\n').Where(line => tokens.Any(token => line.Contains(token))).ToList();
    }

    private static async Task TryAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            // Cleanup goes on; the test's own assertion says what failed.
            Console.Error.WriteLine($"network sandbox cleanup: {e.Message}");
        }
    }

    public NetworkSetupRequest Request(string ns, string name, params NetworkAttachment[] networks) =>
        new(Hex(32), name, NamespacePath(ns), networks, []);
}
