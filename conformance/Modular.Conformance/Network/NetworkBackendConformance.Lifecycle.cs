using Modular.Contracts.Network;

namespace Modular.Conformance.Network;

/// <summary>Teardown edge cases, several networks, static addresses and repeated cycles.</summary>
public abstract partial class NetworkBackendConformance
{
    [NetworkFact]
    public async Task Teardown_after_the_namespace_is_gone_still_removes_rules_and_leases()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var request = sandbox.Request(ns, "crashed", Attach(sandbox, network, 60, "gone")) with
        {
            Ports = [new PortMapping("127.0.0.1", 80, FreeTcpPort(), 1, "tcp")],
        };
        await sandbox.SetupAsync(request);
        await HostCommand.MustAsync("ip", "netns", "delete", ns);
        await sandbox.WaitUntilBridgeHasNoPortsAsync();

        await sandbox.TeardownAsync(request);
        await sandbox.Backend.DeleteNetworkAsync(network, default);

        var left = await sandbox.IptablesLinesAsync(request.ContainerId);
        Assert.True(left.Count == 0, "left in iptables:\n" + string.Join("\n", left));
        Assert.Empty(LeaseFiles(sandbox));
        Assert.False(Directory.Exists("/sys/class/net/" + sandbox.Bridge), "bridge left behind");
    }

    [NetworkFact]
    public async Task A_second_teardown_is_not_an_error()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var request = sandbox.Request(ns, "twice", Attach(sandbox, network, 70));
        await sandbox.SetupAsync(request);

        await sandbox.TeardownAsync(request);
        await sandbox.TeardownAsync(request);

        Assert.Empty(await sandbox.IptablesLinesAsync(request.ContainerId));
    }

    [NetworkFact]
    public async Task A_namespace_joins_two_networks_at_once_as_eth0_and_eth1()
    {
        await using var sandbox = await SandboxAsync();
        var first = sandbox.Network(dns: true);
        var second = sandbox.Network(dns: false, second: true);
        await sandbox.Backend.WriteNetworkAsync(first, default);
        await sandbox.Backend.WriteNetworkAsync(second, default);
        var ns = await sandbox.NamespaceAsync();
        var onSecond = new NetworkAttachment(
            second, "eth1", sandbox.Backend.AllocatesAddresses ? [] : [$"10.201.{sandbox.SecondOctet}.80"], null, []);

        var result = await sandbox.SetupAsync(sandbox.Request(ns, "both", Attach(sandbox, first, 80), onSecond));

        Assert.Equal("eth0", Assert.Single(result.Networks[first.Name].Interfaces).Name);
        var eth1 = Assert.Single(result.Networks[second.Name].Interfaces);
        Assert.Equal("eth1", eth1.Name);
        Assert.StartsWith($"10.201.{sandbox.SecondOctet}.", Assert.Single(eth1.Addresses).Cidr);
        Assert.Empty(result.Networks[second.Name].DnsServers);
        var links = await HostCommand.MustAsync("ip", "-n", ns, "-o", "link", "show");
        Assert.Contains(" eth0@", links);
        Assert.Contains(" eth1@", links);
    }

    [NetworkFact]
    public async Task A_static_address_and_mac_are_what_the_namespace_gets()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: false);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var attachment = new NetworkAttachment(network, "eth0", [sandbox.Address(123)], "02:42:ac:11:00:7b", []);

        var result = await sandbox.SetupAsync(sandbox.Request(ns, "pinned", attachment));

        var eth0 = Assert.Single(result.Networks[network.Name].Interfaces);
        Assert.Equal(sandbox.Address(123) + "/24", Assert.Single(eth0.Addresses).Cidr);
        Assert.Equal("02:42:ac:11:00:7b", eth0.MacAddress);
        var inside = await HostCommand.MustAsync("ip", "-n", ns, "addr", "show", "eth0");
        Assert.Contains(sandbox.Address(123) + "/24", inside);
        Assert.Contains("02:42:ac:11:00:7b", inside);
    }

    [NetworkFact]
    public async Task Repeated_run_and_remove_cycles_leave_nothing_behind()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var hostPort = FreeTcpPort();

        for (var cycle = 0; cycle < 5; cycle++)
        {
            var ns = await sandbox.NamespaceAsync();
            var request = sandbox.Request(ns, "cycle" + cycle, Attach(sandbox, network, 90, "again")) with
            {
                Ports = [new PortMapping("127.0.0.1", 80, hostPort, 1, "tcp")],
            };
            await sandbox.SetupAsync(request);
            await sandbox.TeardownAsync(request);
            await HostCommand.MustAsync("ip", "netns", "delete", ns);

            var left = await sandbox.IptablesLinesAsync(request.ContainerId);
            Assert.True(left.Count == 0, $"cycle {cycle} left in iptables:\n" + string.Join("\n", left));
            Assert.Empty(LeaseFiles(sandbox));
        }
    }
}
