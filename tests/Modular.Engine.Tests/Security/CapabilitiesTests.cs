using Modular.Contracts.Errors;
using Modular.Engine.Security;
using Xunit;

namespace Modular.Engine.Tests.Security;

public sealed class CapabilitiesTests
{
    private static readonly string[] Defaults = ["CHOWN", "KILL", "SETUID"];

    [Theory]
    [InlineData("net_admin", "CAP_NET_ADMIN")]
    [InlineData("CAP_NET_ADMIN", "CAP_NET_ADMIN")]
    [InlineData("Cap_Sys_Admin", "CAP_SYS_ADMIN")]
    [InlineData("all", "ALL")]
    public void Names_are_accepted_with_or_without_the_prefix_in_any_case(string given, string expected) =>
        Assert.Equal(expected, Capabilities.Normalize(given));

    [Fact]
    public void An_unknown_capability_is_refused_with_podmans_text()
    {
        var error = Assert.Throws<InvalidInputException>(() => Capabilities.Normalize("foo"));

        Assert.Equal("\"CAP_FOO\": unknown capability", error.Message);
    }

    [Fact]
    public void Drop_all_keeps_only_what_is_added()
    {
        var caps = Capabilities.Merge(Defaults, ["CAP_NET_RAW"], [Capabilities.All]);

        Assert.Equal(["CAP_NET_RAW"], caps);
    }

    [Fact]
    public void Defaults_plus_adds_minus_drops()
    {
        var caps = Capabilities.Merge(Defaults, ["CAP_NET_RAW"], ["CAP_KILL"]);

        Assert.Equal(["CAP_CHOWN", "CAP_SETUID", "CAP_NET_RAW"], caps);
    }

    [Fact]
    public void Adding_and_dropping_all_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => Capabilities.Merge(Defaults, [Capabilities.All], [Capabilities.All]));

        Assert.Equal("adding all caps and removing all caps not allowed", error.Message);
    }

    [Fact]
    public void Add_all_is_bounded_by_what_the_caller_holds() =>
        Assert.Equal(Capabilities.CallerBounding(), Capabilities.Merge(Defaults, [Capabilities.All], []));
}
