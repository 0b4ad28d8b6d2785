using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Tests.Configuration;
using Xunit;

namespace Modular.Engine.Tests.Networks;

public sealed class NetworkConfigurationTests : IDisposable
{
    private readonly ConfigFixture _config = new();

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Without_network_keys_the_backend_is_netavark_with_modulars_own_directories()
    {
        var network = _config.Load().Options.Networking;

        Assert.Equal("netavark", network.NetworkBackend);
        Assert.Equal("/etc/modular/networks", network.ConfigDirectory);
        Assert.Equal("podman", network.DefaultNetwork);
        Assert.Equal("10.87.0.0/16", network.DefaultSubnet);
        Assert.Equal("/usr/lib/podman", network.BackendProgramDirectories[^1]);
    }

    [Fact]
    public void The_cni_backend_keeps_its_definitions_in_modulars_cni_directory_and_searches_the_plugin_dirs()
    {
        _config.Write("share/containers.conf", """
            [network]
            network_backend = "cni"
            cni_plugin_dirs = ["/opt/test/cni"]
            """);

        var network = _config.Load().Options.Networking;

        Assert.Equal("/etc/modular/cni/net.d", network.ConfigDirectory);
        Assert.Equal(["/opt/test/cni"], network.BackendProgramDirectories);
    }

    [Fact]
    public void Network_keys_keep_Podmans_meaning_including_subnet_pools_as_tables()
    {
        _config.Write("share/containers.conf", """
            [engine]
            helper_binaries_dir = ["/opt/test/libexec"]

            [network]
            network_config_dir = "/tmp/test-networks"
            default_network = "mynet"
            default_subnet = "10.202.0.0/24"
            default_subnet_pools = [{"base" = "10.202.16.0/20", "size" = 26}]
            firewall_driver = "iptables"
            """);

        var network = _config.Load().Options.Networking;

        Assert.Equal("/tmp/test-networks", network.ConfigDirectory);
        Assert.Equal("mynet", network.DefaultNetwork);
        Assert.Equal("10.202.0.0/24", network.DefaultSubnet);
        Assert.Equal([new SubnetPool("10.202.16.0/20", 26)], network.DefaultSubnetPools);
        Assert.Equal("iptables", network.FirewallDriver);
        Assert.Equal(["/opt/test/libexec"], network.HelperBinariesDir);
    }

    [Fact]
    public void Network_keys_modular_does_not_use_are_warned_about()
    {
        _config.Write("share/containers.conf", """
            [network]
            dns_bind_port = 53
            """);

        var result = _config.Load();

        Assert.Contains(result.Warnings, w => w.Contains("\"network.dns_bind_port\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_pool_is_refused_naming_the_file_and_key()
    {
        var path = _config.Write("share/containers.conf", """
            [network]
            default_subnet_pools = ["10.202.0.0/16"]
            """);

        var error = Assert.Throws<InvalidInputException>(() => _config.Load());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("network.default_subnet_pools", error.Message, StringComparison.Ordinal);
    }
}
