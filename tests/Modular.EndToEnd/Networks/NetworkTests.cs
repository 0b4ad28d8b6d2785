using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

/// <summary>
/// Issue 3's "done when", run once per backend (see the derived classes): the backend is
/// only the fixture's network_backend line. Traffic goes to 127.0.0.1 and into the
/// fixture's own namespaces; every test removes its containers even when it fails.
/// </summary>
public abstract partial class NetworkTests<TFixture>(TFixture network)
    where TFixture : NetworkFixture
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => network.Modpod;

    [Trait("Category", MatrixCell.NetworkCategory)]
    [Fact]
    public async Task Busybox_httpd_published_on_loopback_answers_a_request_from_the_host()
    {
        var port = Loopback.FreePort();
        var name = Unique("web");
        try
        {
            var run = await Modpod.RunAsync(
                "run", "-d", "--name", name, "-p", $"127.0.0.1:{port}:80", Image, "sh", "-c", Httpd("hello-web"));
            var body = await Loopback.GetAsync(port, "index.html");

            ModpodAssert.Exit(0, run);
            Assert.Equal("hello-web\n", body);
            Assert.Equal($"80/tcp -> 127.0.0.1:{port}", (await Modpod.RunAsync("port", name)).Output);
        }
        finally
        {
            await RemoveAsync(name);
        }
    }

    [Trait("Category", MatrixCell.NetworkCategory)]
    [Fact]
    public async Task Containers_on_a_user_network_reach_each_other_by_name_and_by_alias()
    {
        var (net, create) = network.NextNetwork("users");
        var server = Unique("srv");
        var alias = Unique("alias");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(create));
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--name", server, "--network", net, "--network-alias", alias, Image, "sh", "-c", Httpd("by-name")));

            var byName = await FetchFromContainerAsync(net, $"http://{server}/index.html");
            var byAlias = await FetchFromContainerAsync(net, $"http://{alias}/index.html");

            Assert.Equal("by-name", byName.Output);
            Assert.Equal("by-name", byAlias.Output);
        }
        finally
        {
            await RemoveAsync(server);
            await Modpod.RunAsync("network", "rm", "-f", net);
        }
    }

    [Fact]
    public async Task Network_rm_of_a_network_in_use_exits_2_and_rm_force_removes_its_containers()
    {
        var (net, create) = network.NextNetwork("busy");
        var user = Unique("user");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(create));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--name", user, "--network", net, Image, "sleep", "600"));

            var refused = await Modpod.RunAsync("network", "rm", net);
            var forced = await Modpod.RunAsync("network", "rm", "-f", "-t", "0", net);

            ModpodAssert.Exit(2, refused);
            ModpodAssert.Exit(0, forced);
            Assert.False(await Modpod.ContainerExistsAsync(user));
            Assert.NotEqual(0, (await Modpod.RunAsync("network", "exists", net)).ExitCode);
        }
        finally
        {
            await RemoveAsync(user);
            await Modpod.RunAsync("network", "rm", "-f", net);
        }
    }

    [Fact]
    public async Task Fifty_run_rm_cycles_with_a_published_port_leave_links_namespaces_rules_and_leases_as_before()
    {
        var port = Loopback.FreePort();
        string[] cycle = ["run", "--rm", "-p", $"127.0.0.1:{port}:80", Image, "true"];

        // One run first: a backend may create lasting state on first use (CNI keeps its bridge).
        ModpodAssert.Exit(0, await Modpod.RunAsync(cycle));
        var before = await NetworkTraces.CountAsync(network);
        for (var i = 0; i < 50; i++)
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(cycle));
        }

        var after = await NetworkTraces.CountAsync(network);
        Assert.Equal(before, after);
    }

    private async Task<ModpodResult> FetchFromContainerAsync(string net, string url)
    {
        // Name resolution may lag the server's start by a moment (aardvark or dnsmasq reload).
        // No -T: this busybox build's wget crashes (SIGSEGV) when given a timeout.
        ModpodResult result = null!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            result = await Modpod.RunAsync("run", "--rm", "--network", net, Image, "wget", "-q", "-O-", url);
            if (result.ExitCode == 0)
            {
                break;
            }
        }

        return result;
    }

    private static string Httpd(string body) =>
        $"mkdir -p /www && echo {body} > /www/index.html && exec httpd -f -p 80 -h /www";

    private string Unique(string stem) => $"{stem}-{network.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task RemoveAsync(params string[] names) => Modpod.RunAsync(["rm", "-f", "-t", "0", "--ignore", .. names]);
}
