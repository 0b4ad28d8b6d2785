using Xunit;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Configuration;
using Modular.Engine.Networks;

namespace Modular.Engine.Tests.Networks;

public sealed class NetworkPlannerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T12:00:00Z");

    private readonly NetworkOptions _options = new()
    {
        DefaultSubnet = "10.202.0.0/24",
        DefaultSubnetPools = [new SubnetPool("10.202.0.0/16", 24)],
    };

    [Fact]
    public void A_new_network_takes_the_first_pool_subnet_used_by_no_network_and_no_host_interface()
    {
        var planner = Planner(subnets: ["127.0.0.0/8", "10.202.1.0/24"]);
        var existing = new[] { planner.DefaultNetwork(Now) };

        var network = planner.Plan(new NetworkCreateRequest("web"), existing, Now);

        Assert.Equal("10.202.2.0/24", network.Subnets[0].Subnet);
        Assert.Equal("10.202.2.1", network.Subnets[0].Gateway);
    }

    [Fact]
    public void When_every_pool_subnet_is_used_create_says_so()
    {
        var planner = Planner(subnets: ["10.202.0.0/16"]);

        var error = Assert.Throws<InvalidInputException>(
            () => planner.Plan(new NetworkCreateRequest("web"), [], Now));

        Assert.Equal("could not find free subnet from subnet pools", error.Message);
    }

    [Fact]
    public void New_bridges_are_named_modpodN_skipping_names_in_use_on_the_host_or_by_networks()
    {
        var planner = Planner(names: ["lo", "modpod1"]);
        var existing = new[] { planner.DefaultNetwork(Now), Network("a", "modpod2", "10.202.9.0/24") };

        var network = planner.Plan(new NetworkCreateRequest("web"), existing, Now);

        Assert.Equal("modpod3", network.NetworkInterface);
    }

    [Fact]
    public void An_unnamed_network_is_named_podmanN()
    {
        var planner = Planner();
        var existing = new[] { planner.DefaultNetwork(Now), Network("podman1", "modpod1", "10.202.9.0/24") };

        var network = planner.Plan(new NetworkCreateRequest(null), existing, Now);

        Assert.Equal("podman2", network.Name);
        Assert.Equal(64, network.Id.Length);
        Assert.True(network.DnsEnabled);
    }

    [Theory]
    [InlineData("-lead", "network name -lead invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument")]
    [InlineData("a b", "network name a b invalid: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument")]
    [InlineData("none", "cannot create network with name \"none\" because it conflicts with a valid network mode")]
    public void Invalid_and_reserved_names_are_refused(string name, string message)
    {
        var error = Assert.Throws<InvalidInputException>(
            () => Planner().Plan(new NetworkCreateRequest(name), [], Now));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_taken_name_is_refused_with_Podmans_text()
    {
        var existing = new[] { Network("web", "modpod1", "10.202.9.0/24") };

        var error = Assert.Throws<AlreadyExistsException>(
            () => Planner().Plan(new NetworkCreateRequest("web"), existing, Now));

        Assert.Equal("network name web already used: network already exists", error.Message);
    }

    [Theory]
    [InlineData(new[] { "10.202.5.0/24" }, new[] { "10.202.5.1", "10.202.6.1" }, new string[0], "cannot set more gateways than subnets")]
    [InlineData(new[] { "10.202.5.0/24" }, new string[0], new[] { "10.202.5.0/25", "10.202.5.128/25" }, "cannot set more ranges than subnets")]
    [InlineData(new string[0], new[] { "10.202.5.1" }, new string[0], "cannot set gateway or range without subnet")]
    [InlineData(new[] { "10.202.5.0/24" }, new[] { "10.202.6.1" }, new string[0], "gateway 10.202.6.1 not in subnet 10.202.5.0/24")]
    [InlineData(new[] { "10.202.5.0/24" }, new string[0], new[] { "10.202.6.0/25" }, "lease range start ip 10.202.6.1 not in subnet 10.202.5.0/24")]
    [InlineData(new[] { "10.202.0.0/16" }, new string[0], new string[0], "subnet 10.202.0.0/16 is already used on the host or by another config")]
    public void Subnet_gateway_and_range_mistakes_are_refused(
        string[] subnets,
        string[] gateways,
        string[] ranges,
        string message)
    {
        var planner = Planner();
        var request = new NetworkCreateRequest("web", Subnets: subnets, Gateways: gateways, IpRanges: ranges);

        var error = Assert.Throws<InvalidInputException>(
            () => planner.Plan(request, [planner.DefaultNetwork(Now)], Now));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Several_subnets_pair_with_gateways_and_ranges_in_order()
    {
        var request = new NetworkCreateRequest(
            "web",
            Subnets: ["10.202.5.0/24", "fd00:202::/64"],
            Gateways: ["10.202.5.254"],
            IpRanges: ["10.202.5.10-10.202.5.20"]);

        var network = Planner().Plan(request, [], Now);

        Assert.Equal(new NetworkSubnet("10.202.5.0/24", "10.202.5.254", new LeaseRange("10.202.5.10", "10.202.5.20")), network.Subnets[0]);
        Assert.Equal(new NetworkSubnet("fd00:202::/64", "fd00:202::1"), network.Subnets[1]);
        Assert.True(network.Ipv6Enabled);
    }

    [Fact]
    public void Ipv6_adds_a_random_unique_local_64_next_to_the_pool_subnet()
    {
        var network = Planner().Plan(new NetworkCreateRequest("web", Ipv6: true), [], Now);

        Assert.Equal(2, network.Subnets.Count);
        Assert.StartsWith("fd", network.Subnets[1].Subnet, StringComparison.Ordinal);
        Assert.EndsWith("::/64", network.Subnets[1].Subnet, StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_network_without_dns_gets_no_gateway()
    {
        var request = new NetworkCreateRequest("web", Subnets: ["10.202.5.0/24"], Internal: true, DisableDns: true);

        var network = Planner().Plan(request, [], Now);

        Assert.Null(network.Subnets[0].Gateway);
        Assert.False(network.DnsEnabled);
    }

    [Theory]
    [InlineData("mtu", "abc", "strconv.Atoi: parsing \"abc\": invalid syntax")]
    [InlineData("mtu", "-1", "mtu -1 is less than zero")]
    [InlineData("vlan", "5000", "vlan ID 5000 must be between 0 and 4094")]
    [InlineData("metric", "x", "strconv.ParseUint: parsing \"x\": invalid syntax")]
    [InlineData("mode", "odd", "unknown bridge mode \"odd\"")]
    [InlineData("colour", "red", "unsupported bridge network option colour")]
    public void Bad_bridge_options_are_refused(string key, string value, string message)
    {
        var request = new NetworkCreateRequest("web", Options: new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<InvalidInputException>(() => Planner().Plan(request, [], Now));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Bridge_options_are_stored_in_the_form_netavark_reads()
    {
        var options = new Dictionary<string, string>
        {
            ["isolate"] = "1", ["com.docker.network.driver.mtu"] = "1400", ["metric"] = "10",
        };

        var network = Planner().Plan(new NetworkCreateRequest("web", Options: options), [], Now);

        Assert.Equal("true", network.Options["isolate"]);
        Assert.Equal("1400", network.Options["mtu"]);
        Assert.False(network.Options.ContainsKey("com.docker.network.driver.mtu"));
    }

    [Fact]
    public void Macvlan_takes_its_parent_from_the_options_and_defaults_to_dhcp_without_dns()
    {
        var request = new NetworkCreateRequest(
            "mac", "macvlan", Options: new Dictionary<string, string> { ["parent"] = "eth0" });

        var network = Planner().Plan(request, [], Now);

        Assert.Equal("eth0", network.NetworkInterface);
        Assert.Equal("dhcp", network.IpamOptions["driver"]);
        Assert.False(network.DnsEnabled);
        Assert.Empty(network.Options);
    }

    [Fact]
    public void Ipvlan_without_a_subnet_is_refused_since_it_cannot_use_dhcp()
    {
        var request = new NetworkCreateRequest("ipv", "ipvlan", Options: new Dictionary<string, string> { ["parent"] = "eth0" });

        var error = Assert.Throws<InvalidInputException>(() => Planner().Plan(request, [], Now));

        Assert.Equal("ipam driver dhcp is not supported with ipvlan", error.Message);
    }

    [Fact]
    public void The_default_network_is_Podmans_shape_on_Modulars_bridge_and_subnet()
    {
        var network = new NetworkPlanner(new NetworkOptions(), new FakeHostInterfaces()).DefaultNetwork(Now);

        Assert.Equal("podman", network.Name);
        Assert.Equal(NetworkIds.Default, network.Id);
        Assert.Equal("modpod0", network.NetworkInterface);
        Assert.Equal(new NetworkSubnet("10.87.0.0/16", "10.87.0.1"), network.Subnets.Single());
        Assert.False(network.DnsEnabled);
        Assert.Equal("host-local", network.IpamOptions["driver"]);
    }

    [Fact]
    public void Modulars_default_pools_stay_clear_of_Podmans_default_subnet_and_pools()
    {
        var podmans = new[] { Cidr.Parse("10.88.0.0/16") }
            .Concat(Enumerable.Range(89, 255 - 89 + 1).Select(i => Cidr.Parse($"10.{i}.0.0/16")));
        var ours = new NetworkOptions().DefaultSubnetPools.Select(p => Cidr.Parse(p.Base))
            .Append(Cidr.Parse(new NetworkOptions().DefaultSubnet));

        Assert.DoesNotContain(ours, o => podmans.Any(p => p.Intersects(o)));
    }

    private NetworkPlanner Planner(IReadOnlyList<string>? names = null, IReadOnlyList<string>? subnets = null) =>
        new(_options, new FakeHostInterfaces(names, subnets));

    private static NetworkDefinition Network(string name, string bridge, string subnet) => new()
    {
        Name = name,
        Id = new string('a', 63) + name.Length,
        NetworkInterface = bridge,
        Subnets = [new NetworkSubnet(subnet)],
    };
}
