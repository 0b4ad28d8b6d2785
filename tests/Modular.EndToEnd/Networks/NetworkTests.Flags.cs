using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

public abstract partial class NetworkTests<TFixture>
{
    [Fact]
    public async Task Port_and_ps_show_each_publish_form_with_ranges_collapsed()
    {
        var name = Unique("ports");
        var (tcp, udp, range) = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
        try
        {
            var run = await Modpod.RunAsync(
                "run", "-d", "--name", name, "-p", $"127.0.0.1:{tcp}:80", "-p", $"127.0.0.1:{udp}:53/udp",
                "-p", $"127.0.0.1:{range}-{range + 1}:3000-3001", "-p", "127.0.0.1::81", Image, "sleep", "600");
            var lines = (await Modpod.RunAsync("port", name)).Lines;
            var one = await Modpod.RunAsync("port", name, "53/udp");
            var column = await Modpod.RunAsync("ps", "--filter", $"name={name}", "--format", "{{.Ports}}");

            ModpodAssert.Exit(0, run);
            Assert.Contains($"80/tcp -> 127.0.0.1:{tcp}", lines);
            Assert.Contains($"53/udp -> 127.0.0.1:{udp}", lines);
            Assert.Contains($"3001/tcp -> 127.0.0.1:{range + 1}", lines);
            Assert.Contains(lines, line => line.StartsWith("81/tcp -> 127.0.0.1:", StringComparison.Ordinal));
            Assert.Equal($"127.0.0.1:{udp}", one.Output);
            Assert.Contains($"127.0.0.1:{range}-{range + 1}->3000-3001/tcp", column.Output);
        }
        finally
        {
            await RemoveAsync(name);
        }
    }

    [Fact]
    public async Task Expose_with_publish_all_gets_a_host_port_and_ping_needs_no_net_raw()
    {
        var name = Unique("expose");
        try
        {
            var run = await Modpod.RunAsync(
                "run", "-d", "--name", name, "--expose", "7000", "-P", Image, "sleep", "600");
            var port = await Modpod.RunAsync("port", name, "7000");
            var missing = await Modpod.RunAsync("port", name, "9999");

            // containers.conf's built-in default sysctl lets every group ping.
            var ping = await Modpod.RunAsync(
                "run", "--rm", "--user", "1000", Image, "cat", "/proc/sys/net/ipv4/ping_group_range");

            ModpodAssert.Exit(0, run);
            Assert.StartsWith("0.0.0.0:", port.Output, StringComparison.Ordinal);
            ModpodAssert.Exit(125, missing);
            Assert.Contains("failed to find published port \"9999/tcp\"", missing.StandardError);
            ModpodAssert.Exit(0, ping);
            Assert.Equal("0\t0", ping.Output);
        }
        finally
        {
            await Modpod.RunAsync("rm", "-f", "-t", "0", name);
        }
    }

    [Theory]
    [InlineData("bogus is not an ip address", "--dns", "bogus")]
    [InlineData("conflicting options: dns and the network mode: none", "--network", "none", "--dns", "10.9.9.9")]
    [InlineData("--no-hosts and --add-host cannot be set together", "--no-hosts", "--add-host", "a:10.1.2.3")]
    public async Task Network_options_that_cannot_work_are_refused_before_anything_is_made(
        string error,
        params string[] flags)
    {
        var before = (await Modpod.RunAsync("ps", "-a", "-q")).Output;

        var run = await Modpod.RunAsync(["run", "--rm", .. flags, Image, "true"]);

        ModpodAssert.Exit(125, run);
        Assert.Equal($"Error: {error}", run.StandardError.Trim());
        Assert.Equal(before, (await Modpod.RunAsync("ps", "-a", "-q")).Output);
    }

    [Fact]
    public async Task Hosts_and_resolv_conf_follow_add_host_dns_and_no_hosts()
    {
        var files = await Modpod.RunAsync(
            "run", "--rm", "--name", Unique("etc"), "--add-host", "db.test:10.1.2.3", "--add-host", "gw.test:host-gateway",
            "--dns", "10.9.9.9", "--dns-search", "example.test", "--dns-option", "ndots:2",
            Image, "cat", "/etc/hosts", "/etc/resolv.conf");
        var noHosts = await Modpod.RunAsync("run", "--rm", "--no-hosts", Image, "sh", "-c", "cat /etc/hosts 2>&1; true");

        ModpodAssert.Exit(0, files);
        Assert.Contains("10.1.2.3\tdb.test", files.Lines);

        // Root on a bridge: the host is the bridge's gateway (x.x.x.1 of the fixture's /24),
        // as Podman 5 writes it, for host.containers.internal and host-gateway alike.
        Assert.Contains(files.Lines, line => IsGateway(line, "gw.test"));
        Assert.Contains(files.Lines, line => IsGateway(line, "host.containers.internal host.docker.internal"));
        Assert.Contains(files.Lines, line => line.StartsWith("10.203.", StringComparison.Ordinal));
        Assert.Contains("nameserver 10.9.9.9", files.Lines);
        Assert.Contains("search example.test", files.Lines);
        Assert.Contains("options ndots:2", files.Lines);
        Assert.DoesNotContain("host.containers.internal", noHosts.StandardOutput, StringComparison.Ordinal);
    }

    private static bool IsGateway(string line, string names) =>
        line.StartsWith("10.203.", StringComparison.Ordinal)
        && line.EndsWith(".1\t" + names, StringComparison.Ordinal);

    [Fact]
    public async Task Connect_and_disconnect_change_the_networks_of_a_running_container()
    {
        var (net, create) = network.NextNetwork("extra");
        var name = Unique("conn");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(create));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--name", name, Image, "sleep", "600"));

            var connect = await Modpod.RunAsync("network", "connect", "--alias", "extra-alias", net, name);
            var connected = await NetworksAsync(name);
            var disconnect = await Modpod.RunAsync("network", "disconnect", net, name);
            var disconnected = await NetworksAsync(name);

            ModpodAssert.Exit(0, connect);
            ModpodAssert.Exit(0, disconnect);
            Assert.StartsWith("10.203.", connected[net]?["IPAddress"]?.GetValue<string>());
            Assert.Contains("extra-alias", connected[net]!["Aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.True(connected.ContainsKey("podman"));
            Assert.False(disconnected.ContainsKey(net));
            Assert.StartsWith("10.203.", disconnected["podman"]?["IPAddress"]?.GetValue<string>());
        }
        finally
        {
            await RemoveAsync(name);
            await Modpod.RunAsync("network", "rm", "-f", net);
        }
    }

    private async Task<JsonObject> NetworksAsync(string name)
    {
        var inspect = await Modpod.RunAsync("inspect", name);
        ModpodAssert.Exit(0, inspect);
        return JsonNode.Parse(inspect.StandardOutput)![0]!["NetworkSettings"]!["Networks"]!.AsObject();
    }
}
