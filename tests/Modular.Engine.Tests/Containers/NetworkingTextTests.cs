using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Networking;
using Modular.Engine.State;
using Xunit;

namespace Modular.Engine.Tests.Containers;

public sealed class NetworkingTextTests
{
    [Fact]
    public void Ps_collapses_consecutive_mappings_and_lists_unpublished_exposed_ports()
    {
        PortMapping[] mappings =
        [
            new("", 80, 8080, 1, "tcp"), new("", 81, 8081, 1, "tcp"), new("127.0.0.1", 53, 5353, 1, "udp"),
        ];

        var column = PortText.Column(mappings, ["80/tcp", "443/tcp"]);

        Assert.Equal("0.0.0.0:8080-8081->80-81/tcp, 127.0.0.1:5353->53/udp, 443/tcp", column);
    }

    [Fact]
    public void Network_values_select_modes_named_networks_and_per_network_options()
    {
        var request = new CreateContainerRequest { Networks = ["a,b", "c:ip=10.1.0.5,alias=web,mac=aa:bb:cc:dd:ee:ff"] };

        var selection = NetworkFlags.Parse(request, "podman");

        Assert.Equal("bridge", selection.Mode);
        Assert.Equal(["a", "b", "c"], selection.Networks.Keys.Order());
        Assert.Equal(["10.1.0.5"], selection.Networks["c"].StaticIps);
        Assert.Equal(["web"], selection.Networks["c"].Aliases);
        Assert.Equal("eth2", selection.Networks["c"].InterfaceName);
    }

    [Fact]
    public void No_network_value_joins_the_default_network_and_a_mode_stands_alone()
    {
        Assert.Equal(["podman"], NetworkFlags.Parse(new CreateContainerRequest(), "podman").Networks.Keys);
        Assert.Equal("none", NetworkFlags.Parse(new CreateContainerRequest { Networks = ["none"] }, "podman").Mode);
        Assert.Throws<InvalidInputException>(() =>
            NetworkFlags.Parse(new CreateContainerRequest { Networks = ["host", "a"] }, "podman"));
    }

    [Fact]
    public void Random_host_ports_of_two_ranges_never_overlap()
    {
        var mappings = PublishedPorts.Complete(
            [new PortMapping("", 3000, 0, 2, "tcp"), new PortMapping("", 4000, 0, 2, "tcp")], false, []);

        Assert.All(mappings, m => Assert.NotEqual(0, m.HostPort));
        Assert.False(PublishedPorts.Overlap(mappings[0], mappings[1]));
    }

    [Fact]
    public void Resolv_conf_drops_loopback_servers_in_an_own_namespace_and_puts_the_network_dns_first()
    {
        var config = new ContainerConfig
        {
            Id = "id", Name = "c", Created = DateTimeOffset.UnixEpoch, Hostname = "h", Runtime = "crun",
            NetworkMode = "bridge",
        };
        var status = new NetworkStatus([], ["10.89.0.1"], ["dns.podman"]);

        var text = EtcFiles.ResolvConf(
            config,
            new Dictionary<string, NetworkStatus> { ["n"] = status },
            "nameserver 127.0.0.53\nnameserver 192.0.2.1\nsearch corp.test\noptions edns0\n");

        Assert.Equal("search dns.podman corp.test\nnameserver 10.89.0.1\nnameserver 192.0.2.1\noptions edns0\n", text);
    }
}
