using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging.Abstractions;
using Modular.Conformance.Network;
using Modular.Contracts.Network;
using Modular.Plugins.Network.Cni.Netavark;

namespace Modular.Plugins.Network.Tests;

/// <summary>The conformance suite against Debian's netavark 1.4 and aardvark-dns, and coexistence.</summary>
public sealed class NetavarkBackendTests : NetworkBackendConformance
{
    private const string Netavark = "/usr/lib/podman/netavark";

    protected override INetworkBackend CreateBackend() => new NetavarkBackend(NullLogger<NetavarkBackend>.Instance);

    protected override IReadOnlyList<string> PluginDirectories => ["/usr/lib/podman"];

    [NetworkFact]
    public async Task Removing_our_last_container_keeps_the_ports_of_a_same_named_Podman_network()
    {
        await using var sandbox = await NetworkSandbox.CreateAsync(CreateBackend(), PluginDirectories);
        var ours = sandbox.Network(dns: false);
        var foreignNs = await sandbox.NamespaceAsync();
        var foreignPort = FreeTcpPort();
        var foreign = ForeignOptions(sandbox, ours.Name, foreignPort);
        var foreignConfig = Directory.CreateDirectory(Path.Combine(sandbox.Root, "foreign")).FullName;
        var site = Directory.CreateDirectory(Path.Combine(sandbox.Root, "site")).FullName;
        await File.WriteAllTextAsync(Path.Combine(site, "index.html"), "still here\n");
        try
        {
            var setup = await ForeignAsync(foreignConfig, "setup", foreignNs, foreign);
            Assert.True(setup.ExitCode == 0, setup.StandardOutput + setup.StandardError);
            sandbox.StartInNamespace(foreignNs, "httpd", "-f", "-p", "8080", "-h", site);
            var ns = await sandbox.NamespaceAsync();
            var request = sandbox.Request(ns, "ours", new NetworkAttachment(ours, "eth0", [sandbox.Address(10)], null, []))
                with { Ports = [new PortMapping("127.0.0.1", 8080, FreeTcpPort(), 1, "tcp")] };
            await sandbox.SetupAsync(request);

            await sandbox.TeardownAsync(request);

            Assert.Equal("still here\n", await GetWithRetryAsync($"http://127.0.0.1:{foreignPort}/index.html"));
            Assert.True(await ForeignMasqueradeAsync(sandbox), "the other network lost its outbound masquerade");
        }
        finally
        {
            await ForeignAsync(foreignConfig, "teardown", foreignNs, foreign);
        }
    }

    /// <summary>Whether the foreign subnet's POSTROUTING chain still masquerades its traffic.</summary>
    private static async Task<bool> ForeignMasqueradeAsync(NetworkSandbox sandbox)
    {
        var nat = await HostCommand.MustAsync("iptables", "-t", "nat", "-S");
        var jump = nat.Split('\n')
            .FirstOrDefault(line => line.StartsWith($"-A POSTROUTING -s 10.201.{sandbox.SecondOctet}.0/24 -j "));
        var chain = jump?.Split(' ')[^1];
        return chain is not null && nat.Contains($"-A {chain} ! -d 224.0.0.0/4 -j MASQUERADE");
    }

    /// <summary>What Podman would hand netavark for its own network of the same name.</summary>
    private static string ForeignOptions(NetworkSandbox sandbox, string name, int hostPort)
    {
        var prefix = $"10.201.{sandbox.SecondOctet}.";
        var network = new JsonObject
        {
            ["name"] = name, ["id"] = NetworkSandbox.Hex(32), ["driver"] = "bridge",
            ["network_interface"] = sandbox.SecondBridge,
            ["subnets"] = new JsonArray(new JsonObject { ["subnet"] = prefix + "0/24", ["gateway"] = prefix + "1" }),
            ["ipv6_enabled"] = false, ["internal"] = false, ["dns_enabled"] = false,
        };
        var options = new JsonObject
        {
            ["container_id"] = NetworkSandbox.Hex(32), ["container_name"] = "theirs",
            ["port_mappings"] = new JsonArray(new JsonObject
            {
                ["host_ip"] = "127.0.0.1", ["container_port"] = 8080, ["host_port"] = hostPort,
                ["range"] = 1, ["protocol"] = "tcp",
            }),
            ["networks"] = new JsonObject
            {
                [name] = new JsonObject
                {
                    ["interface_name"] = "eth0", ["static_ips"] = new JsonArray(prefix + "10"),
                },
            },
            ["network_info"] = new JsonObject { [name] = network },
        };
        return options.ToJsonString();
    }

    private static async Task<BufferedCommandResult> ForeignAsync(string config, string verb, string ns, string options) =>
        await Cli.Wrap(Netavark)
            .WithArguments(["--config", config, "--rootless=false", verb, NetworkSandbox.NamespacePath(ns)])
            .WithStandardInputPipe(PipeSource.FromString(options))
            .WithEnvironmentVariables(env => env.Set("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
}
