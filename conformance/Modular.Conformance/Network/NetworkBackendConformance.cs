using System.Net;
using System.Net.Sockets;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;

namespace Modular.Conformance.Network;

/// <summary>
/// What every network backend must do, against the real programs, in namespaces and on a
/// bridge each test creates and removes. Derived classes name the backend.
/// </summary>
public abstract partial class NetworkBackendConformance
{
    protected abstract INetworkBackend CreateBackend();

    protected abstract IReadOnlyList<string> PluginDirectories { get; }

    private Task<NetworkSandbox> SandboxAsync() => NetworkSandbox.CreateAsync(CreateBackend(), PluginDirectories);

    /// <summary>Static addresses only where the backend leaves allocation to the engine.</summary>
    private static NetworkAttachment Attach(
        NetworkSandbox sandbox, NetworkDefinition network, int host, params string[] aliases) =>
        new(network, "eth0", sandbox.Backend.AllocatesAddresses ? [] : [sandbox.Address(host)], null, aliases);

    [NetworkFact]
    public async Task A_written_network_loads_back_the_same_and_delete_removes_it()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true) with
        {
            Labels = new Dictionary<string, string> { ["team"] = "net" },
            Subnets = [new NetworkSubnet(sandbox.Subnet, sandbox.Gateway, new LeaseRange(sandbox.Address(100), sandbox.Address(200)))],
        };

        await sandbox.Backend.WriteNetworkAsync(network, default);
        var loaded = Assert.Single(await sandbox.Backend.LoadNetworksAsync(default));
        await sandbox.Backend.DeleteNetworkAsync(network, default);

        Assert.Equal(network.Name, loaded.Name);
        Assert.Equal(network.Id, loaded.Id);
        Assert.Equal(network.NetworkInterface, loaded.NetworkInterface);
        Assert.Equal(network.Subnets, loaded.Subnets);
        Assert.True(loaded.DnsEnabled);
        Assert.False(loaded.Internal);
        Assert.Equal("net", loaded.Labels["team"]);
        Assert.Equal("host-local", loaded.IpamOptions["driver"]);
        Assert.Equal(network.Created.ToUnixTimeSeconds(), loaded.Created.ToUnixTimeSeconds());
        Assert.Empty(await sandbox.Backend.LoadNetworksAsync(default));
    }

    [NetworkFact]
    public async Task Setup_gives_an_address_on_the_subnet_that_the_host_can_ping()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: false);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();

        var result = await sandbox.SetupAsync(sandbox.Request(ns, "pinged", Attach(sandbox, network, 10)));

        var status = result.Networks[network.Name];
        var eth0 = Assert.Single(status.Interfaces);
        Assert.Equal("eth0", eth0.Name);
        Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", eth0.MacAddress);
        var address = Assert.Single(eth0.Addresses);
        Assert.StartsWith(sandbox.SubnetPrefix, address.Cidr);
        Assert.EndsWith("/24", address.Cidr);
        Assert.Equal(sandbox.Gateway, address.Gateway);
        var ip = address.Cidr.Split('/')[0];
        var ping = await HostCommand.RunAsync("/bin/busybox", "ping", "-c", "1", "-W", "3", ip);
        Assert.True(ping.ExitCode == 0, ping.StandardOutput + ping.StandardError);
    }

    [NetworkFact]
    public async Task Namespaces_on_a_dns_network_resolve_each_other_by_name_and_alias()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var web = await sandbox.NamespaceAsync();
        var client = await sandbox.NamespaceAsync();
        var webResult = await sandbox.SetupAsync(sandbox.Request(web, "webby", Attach(sandbox, network, 20, "www")));
        var clientResult = await sandbox.SetupAsync(sandbox.Request(client, "clienty", Attach(sandbox, network, 21)));
        var webIp = webResult.Networks[network.Name].Interfaces[0].Addresses[0].Cidr.Split('/')[0];

        var byName = await LookupAsync(client, "webby", sandbox.Gateway);
        var byAlias = await LookupAsync(client, "www", sandbox.Gateway);
        var ping = await HostCommand.InNamespaceAsync(client, "ping", "-c", "1", "-W", "3", webIp);

        Assert.Equal([sandbox.Gateway], clientResult.Networks[network.Name].DnsServers);
        Assert.True(byName.ExitCode == 0, byName.StandardOutput + byName.StandardError);
        Assert.Contains(webIp, byName.StandardOutput.Split("webby")[^1]);
        Assert.True(byAlias.ExitCode == 0, byAlias.StandardOutput + byAlias.StandardError);
        Assert.Contains(webIp, byAlias.StandardOutput.Split("www")[^1]);
        Assert.True(ping.ExitCode == 0, ping.StandardOutput + ping.StandardError);
    }

    [NetworkFact]
    public async Task A_port_published_on_127_0_0_1_reaches_httpd_in_the_namespace()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: false);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var site = Directory.CreateDirectory(Path.Combine(sandbox.Root, "site")).FullName;
        await File.WriteAllTextAsync(Path.Combine(site, "index.html"), "hello from the namespace\n");
        var hostPort = FreeTcpPort();
        var request = sandbox.Request(ns, "published", Attach(sandbox, network, 30)) with
        {
            Ports = [new PortMapping("127.0.0.1", 8080, hostPort, 1, "tcp")],
        };
        await sandbox.SetupAsync(request);
        sandbox.StartInNamespace(ns, "httpd", "-f", "-p", "8080", "-h", site);

        var body = await GetWithRetryAsync($"http://127.0.0.1:{hostPort}/index.html");

        Assert.Equal("hello from the namespace\n", body);
    }

    [NetworkFact]
    public async Task A_port_range_published_on_all_addresses_answers_on_127_0_0_1()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: false);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var hostPort = FreeTcpPortPair();
        var request = sandbox.Request(ns, "ranged", Attach(sandbox, network, 35)) with
        {
            Ports = [new PortMapping("", 8080, hostPort, 2, "tcp")],
        };
        await sandbox.SetupAsync(request);
        foreach (var (port, text) in new[] { (8080, "first\n"), (8081, "second\n") })
        {
            var site = Directory.CreateDirectory(Path.Combine(sandbox.Root, "site" + port)).FullName;
            await File.WriteAllTextAsync(Path.Combine(site, "index.html"), text);
            sandbox.StartInNamespace(ns, "httpd", "-f", "-p", port.ToString(), "-h", site);
        }

        var first = await GetWithRetryAsync($"http://127.0.0.1:{hostPort}/index.html");
        var second = await GetWithRetryAsync($"http://127.0.0.1:{hostPort + 1}/index.html");

        Assert.Equal("first\n", first);
        Assert.Equal("second\n", second);
    }

    [NetworkFact]
    public async Task Teardown_leaves_no_veth_no_rule_and_no_lease()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: true);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var ns = await sandbox.NamespaceAsync();
        var request = sandbox.Request(ns, "shortlived", Attach(sandbox, network, 40, "brief")) with
        {
            Ports = [new PortMapping("127.0.0.1", 80, FreeTcpPort(), 1, "tcp")],
        };
        await sandbox.SetupAsync(request);
        var veths = await HostCommand.MustAsync("ip", "-o", "link", "show", "master", sandbox.Bridge);
        var rulesDuring = await sandbox.IptablesLinesAsync(request.ContainerId);

        await sandbox.TeardownAsync(request);
        await sandbox.Backend.DeleteNetworkAsync(network, default);

        Assert.NotEmpty(rulesDuring);
        var rulesAfter = await sandbox.IptablesLinesAsync(request.ContainerId);
        Assert.True(rulesAfter.Count == 0, "left in iptables:\n" + string.Join("\n", rulesAfter));
        Assert.False(Directory.Exists("/sys/class/net/" + sandbox.Bridge), "bridge left behind");

        // By index: netavark names host veths veth0, veth1..., so another engine's next
        // container may take the same name at once; an index is never handed out again soon.
        var linksAfter = await HostCommand.MustAsync("ip", "-o", "link", "show");
        foreach (var veth in veths.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var index = veth.Split(':')[0] + ":";
            Assert.False(linksAfter.Split('\n').Any(line => line.StartsWith(index)), $"veth {veth} left behind");
        }

        Assert.Empty(LeaseFiles(sandbox));
    }

    [NetworkFact]
    public async Task A_failing_program_gives_a_BackendException_with_its_message()
    {
        await using var sandbox = await SandboxAsync();
        var network = sandbox.Network(dns: false);
        await sandbox.Backend.WriteNetworkAsync(network, default);
        var missing = "/run/netns/mpt-absent-" + NetworkSandbox.Hex(4);
        var request = new NetworkSetupRequest(
            NetworkSandbox.Hex(32), "nowhere", missing, [Attach(sandbox, network, 50)], []);

        var error = await Assert.ThrowsAsync<BackendException>(() => sandbox.SetupAsync(request));

        Assert.DoesNotContain("exited with status", error.Message);
        Assert.Contains("no such file or directory", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await sandbox.IptablesLinesAsync(request.ContainerId));
    }

    /// <summary>
    /// The DNS server (aardvark-dns, dnsmasq) is started or reloaded in the background by
    /// the setup; until it answers, lookups are refused. Ask until it answers, or 50 times.
    /// </summary>
    private static async Task<CliWrap.Buffered.BufferedCommandResult> LookupAsync(string ns, string name, string server)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await HostCommand.InNamespaceAsync(ns, "nslookup", name, server);
            if (result.ExitCode == 0 || attempt == 50)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>host-local's lease files are named by address; the engine's leases are not ours to see.</summary>
    private static IEnumerable<string> LeaseFiles(NetworkSandbox sandbox)
    {
        var leases = Path.Combine(sandbox.RunDirectory, "cni", "networks");
        return Directory.Exists(leases)
            ? Directory.EnumerateFiles(leases, "*", SearchOption.AllDirectories)
                .Where(path => IPAddress.TryParse(Path.GetFileName(path), out _))
            : [];
    }

    /// <summary>Two consecutive free ports, for a range of two.</summary>
    private static int FreeTcpPortPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreeTcpPort();
            try
            {
                using var next = new TcpListener(IPAddress.Loopback, port + 1);
                next.Start();
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // Taken; try another pair.
            }
        }
    }

    protected static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>httpd starts in the background; the first connections may come before it listens.</summary>
    protected static async Task<string> GetWithRetryAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.GetStringAsync(url);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
