using Xunit;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;

namespace Modular.Engine.Tests.Networks;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.202.0.7/24", "10.202.0.0/24")]
    [InlineData("10.202.0.0/16", "10.202.0.0/16")]
    [InlineData("fd00:1:2:3::9/64", "fd00:1:2:3::/64")]
    [InlineData("10.202.3.4/32", "10.202.3.4/32")]
    public void A_subnet_is_kept_as_its_network_address(string text, string expected)
    {
        Assert.Equal(expected, Cidr.Parse(text).ToString());
    }

    [Theory]
    [InlineData("10.202.0.0")]
    [InlineData("10.202.0.0/33")]
    [InlineData("banana/24")]
    [InlineData("10.202.0.0/-1")]
    public void A_malformed_subnet_is_refused_in_Podmans_words(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => Cidr.Parse(text));

        Assert.Equal($"invalid CIDR address: {text}", error.Message);
    }

    [Fact]
    public void Subnets_intersect_when_one_holds_the_others_network_address()
    {
        Assert.True(Cidr.Parse("10.202.0.0/16").Intersects(Cidr.Parse("10.202.5.0/24")));
        Assert.True(Cidr.Parse("10.202.5.0/24").Intersects(Cidr.Parse("10.202.0.0/16")));
        Assert.False(Cidr.Parse("10.202.5.0/24").Intersects(Cidr.Parse("10.202.6.0/24")));
        Assert.False(Cidr.Parse("10.202.5.0/24").Intersects(Cidr.Parse("fd00::/8")));
    }

    [Fact]
    public void The_next_subnet_follows_on_and_ends_with_the_address_space()
    {
        Assert.Equal("10.80.1.0/24", Cidr.Parse("10.80.0.0/24").NextSubnet().ToString());
        Assert.Equal("10.81.0.0/24", Cidr.Parse("10.80.255.0/24").NextSubnet().ToString());
        Assert.Null(Cidr.Parse("255.255.255.0/24").NextSubnet());
    }
}
