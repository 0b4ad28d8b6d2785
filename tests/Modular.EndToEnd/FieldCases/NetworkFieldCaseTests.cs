using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Networks;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>
/// The field cases that need a network (RUN-01, EXIT-03, POD-03, POD-04), each checked as
/// its "check" block says, once per backend. Fixed ports of the cases are replaced by free
/// ones on 127.0.0.1, so a busy host port cannot decide the result.
/// </summary>
public abstract class NetworkFieldCaseTests<TFixture>(TFixture network)
    where TFixture : NetworkFixture
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => network.Modpod;

    [Fact]
    public async Task RUN01_two_port_ranges_without_host_ports_get_distinct_free_host_ports()
    {
        var name = Unique("run01");
        try
        {
            var run = await Modpod.RunAsync("run", "-d", "--name", name, "-p", "3000-3001", "-p", "4000-4001", Image, "sleep", "600");
            var ports = (await Modpod.RunAsync("port", name)).Lines.Order().ToList();

            ModpodAssert.Exit(0, run);
            Assert.Equal(4, ports.Count);
            foreach (var (line, port) in ports.Zip(new[] { 3000, 3001, 4000, 4001 }))
            {
                Assert.Matches($"^{port}/tcp -> 0\\.0\\.0\\.0:[1-9][0-9]*$", line);
            }

            Assert.Equal(4, ports.Select(line => line.Split(':')[^1]).Distinct().Count());
        }
        finally
        {
            await RemoveAsync(name);
        }
    }

    [Fact]
    public async Task EXIT03_run_rm_keeps_the_exit_code_and_a_rm_container_whose_port_is_taken_is_removed()
    {
        var (a, b, c, d) = (Unique("exit03a"), Unique("exit03b"), Unique("exit03c"), Unique("exit03d"));
        var port = Loopback.FreePort();
        try
        {
            var first = await Modpod.RunAsync("run", "--rm", "--name", a, Image, "sh", "-c", "exit 3");
            var second = await Modpod.RunAsync("run", "--rm", "--name", b, Image, "sh", "-c", "/bin/false");
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--rm", "--name", c, "-p", $"127.0.0.1:{port}:80", Image, "sleep", "600"));
            var taken = await Modpod.RunAsync("run", "-d", "--rm", "--name", d, "-p", $"127.0.0.1:{port}:80", Image, "sleep", "600");
            var left = (await Modpod.RunAsync("ps", "-a", "--format", "{{.Names}}")).Lines;

            ModpodAssert.Exit(3, first);
            ModpodAssert.Exit(1, second);
            ModpodAssert.Exit(126, taken);
            Assert.Contains("address already in use", taken.StandardError, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(a, left);
            Assert.DoesNotContain(b, left);
            Assert.DoesNotContain(d, left);
        }
        finally
        {
            await RemoveAsync(a, b, c, d);
        }
    }

    [Fact]
    public async Task POD03_a_user_network_resolves_names_and_aliases_and_the_default_network_does_not()
    {
        var (net, create) = network.NextNetwork("pod03net");
        var server = Unique("pod03-srv");
        var alias = Unique("pod03-alias");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(create));
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--name", server, "--network", net, "--network-alias", alias, Image,
                "sh", "-c", "mkdir -p /www && echo pod03-ok > /www/index.html && exec httpd -f -p 80 -h /www"));

            var byName = await WgetAsync(net, $"http://{server}/index.html");
            var byAlias = await WgetAsync(net, $"http://{alias}/index.html");
            var fromDefault = await Modpod.RunAsync("run", "--rm", Image, "wget", "-q", "-T", "3", "-O-", $"http://{server}/index.html");

            Assert.Equal("pod03-ok", byName.Output);
            Assert.Equal("pod03-ok", byAlias.Output);
            Assert.NotEqual(0, fromDefault.ExitCode);
        }
        finally
        {
            await RemoveAsync(server);
            await Modpod.RunAsync("network", "rm", "-f", net);
        }
    }

    [Fact]
    public async Task POD04_container_mode_shares_localhost_and_ports_and_discards_its_own_p_with_a_warning()
    {
        var (owner, joiner) = (Unique("pod04a"), Unique("pod04b"));
        var port = Loopback.FreePort();
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--name", owner, "-p", $"127.0.0.1:{port}:80", Image,
                "sh", "-c", "mkdir -p /www && echo pod04-ok > /www/index.html && exec httpd -f -p 80 -h /www"));
            Assert.NotNull(await Loopback.GetAsync(port, "index.html"));

            var shared = await Modpod.RunAsync(
                "run", "--rm", "--network", $"container:{owner}", Image, "wget", "-qO-", "http://127.0.0.1:80/index.html");
            var join = await Modpod.RunAsync(
                "run", "-d", "--name", joiner, "--network", $"container:{owner}", "-p", $"{Loopback.FreePort()}:80", Image, "sleep", "600");
            var ports = await Modpod.RunAsync("ps", "--filter", $"name={joiner}", "--format", "{{.Ports}}");

            Assert.Equal("pod04-ok", shared.Output);
            ModpodAssert.Exit(0, join);
            Assert.Contains("discarded", join.StandardError, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"127.0.0.1:{port}->80/tcp", ports.Output);
        }
        finally
        {
            await RemoveAsync(joiner, owner);
        }
    }

    // Name resolution may lag the server's start by a moment; no -T (this busybox's wget crashes with it).
    private async Task<ModpodResult> WgetAsync(string net, string url)
    {
        ModpodResult result = null!;
        for (var attempt = 0; attempt < 10 && result?.ExitCode is not 0; attempt++)
        {
            result = await Modpod.RunAsync("run", "--rm", "--network", net, Image, "wget", "-qO-", url);
        }

        return result;
    }

    private string Unique(string stem) => $"{stem}-{network.BridgePrefix}";

    private Task RemoveAsync(params string[] names) => Modpod.RunAsync(["rm", "-f", "-t", "0", "--ignore", .. names]);
}
