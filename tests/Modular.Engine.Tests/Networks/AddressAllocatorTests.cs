using Xunit;
using System.Net;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;

namespace Modular.Engine.Tests.Networks;

public sealed class AddressAllocatorTests
{
    private static readonly PlannedSubnet Small = new(Cidr.Parse("10.202.0.0/29"), IPAddress.Parse("10.202.0.1"));

    [Fact]
    public void The_first_address_skips_the_network_address_and_the_gateway()
    {
        var address = AddressAllocator.Pick(Small, new HashSet<UInt128>(), null);

        Assert.Equal("10.202.0.2", address.ToString());
    }

    [Fact]
    public void Allocation_continues_after_the_last_address_handed_out_even_when_earlier_ones_are_free()
    {
        var address = AddressAllocator.Pick(Small, new HashSet<UInt128>(), IPAddress.Parse("10.202.0.4"));

        Assert.Equal("10.202.0.5", address.ToString());
    }

    [Fact]
    public void Allocation_wraps_to_the_start_and_skips_taken_addresses()
    {
        var taken = Numbers("10.202.0.2", "10.202.0.3");

        var address = AddressAllocator.Pick(Small, taken, IPAddress.Parse("10.202.0.6"));

        Assert.Equal("10.202.0.4", address.ToString());
    }

    [Fact]
    public void The_IPv4_broadcast_address_is_never_handed_out()
    {
        var taken = Numbers("10.202.0.2", "10.202.0.3", "10.202.0.4", "10.202.0.5");

        var address = AddressAllocator.Pick(Small, taken, null);

        Assert.Equal("10.202.0.6", address.ToString());
    }

    [Fact]
    public void An_exhausted_subnet_is_refused_with_the_range_named_as_Podman_does()
    {
        var taken = Numbers("10.202.0.2", "10.202.0.3", "10.202.0.4", "10.202.0.5", "10.202.0.6");

        var error = Assert.Throws<WrongStateException>(() => AddressAllocator.Pick(Small, taken, null));

        Assert.Equal("IPAM error: failed to find free IP in range: 10.202.0.1 - 10.202.0.6", error.Message);
    }

    [Fact]
    public void A_lease_range_bounds_the_allocation()
    {
        var subnet = Small with { RangeStart = IPAddress.Parse("10.202.0.5"), RangeEnd = IPAddress.Parse("10.202.0.6") };

        var first = AddressAllocator.Pick(subnet, new HashSet<UInt128>(), null);
        var second = AddressAllocator.Pick(subnet, Numbers("10.202.0.5"), first);

        Assert.Equal("10.202.0.5", first.ToString());
        Assert.Equal("10.202.0.6", second.ToString());
        Assert.Throws<WrongStateException>(() => AddressAllocator.Pick(subnet, Numbers("10.202.0.5", "10.202.0.6"), second));
    }

    [Fact]
    public void IPv6_subnets_hand_out_addresses_after_the_gateway()
    {
        var subnet = new PlannedSubnet(Cidr.Parse("fd00:1::/64"), IPAddress.Parse("fd00:1::1"));

        var address = AddressAllocator.Pick(subnet, new HashSet<UInt128>(), null);

        Assert.Equal("fd00:1::2", address.ToString());
    }

    private static HashSet<UInt128> Numbers(params string[] addresses) =>
        [.. addresses.Select(a => IpMath.ToNumber(IPAddress.Parse(a)))];
}
