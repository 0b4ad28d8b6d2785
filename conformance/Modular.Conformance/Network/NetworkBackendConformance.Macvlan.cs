using Modular.Contracts.Network;

namespace Modular.Conformance.Network;

/// <summary>macvlan: containers on one parent interface reach each other without a bridge.</summary>
public abstract partial class NetworkBackendConformance
{
    [NetworkFact]
    public async Task Two_namespaces_on_a_macvlan_network_reach_each_other()
    {
        await using var sandbox = await SandboxAsync();
        var parent = await sandbox.ParentInterfaceAsync();
        var network = sandbox.Network(dns: false) with
        {
            Driver = "macvlan",
            NetworkInterface = parent,
            Options = new Dictionary<string, string> { ["mode"] = "bridge" },
        };
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var first = await sandbox.NamespaceAsync();
        var second = await sandbox.NamespaceAsync();

        var one = await sandbox.SetupAsync(sandbox.Request(first, "mv-one", Attach(sandbox, network, 110)));
        await sandbox.SetupAsync(sandbox.Request(second, "mv-two", Attach(sandbox, network, 111)));

        var ip = one.Networks[network.Name].Interfaces.Single().Addresses.Single().Cidr.Split('/')[0];
        Assert.StartsWith(sandbox.SubnetPrefix, ip);
        var ping = await HostCommand.InNamespaceAsync(second, "ping", "-c", "1", "-W", "3", ip);
        Assert.True(ping.ExitCode == 0, ping.StandardOutput + ping.StandardError);
        var loaded = Assert.Single(await sandbox.Backend.LoadNetworksAsync(default));
        Assert.Equal("macvlan", loaded.Driver);
        Assert.Equal(parent, loaded.NetworkInterface);
    }
}
