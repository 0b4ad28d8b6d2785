using Modular.Contracts.Errors;
using Modular.Engine.Conmon;
using Modular.Engine.Containers;
using Xunit;

namespace Modular.Engine.Tests.Containers;

public sealed class DetachKeysTests
{
    [Fact]
    public void Keys_parse_as_podman_writes_them()
    {
        Assert.Equal([16, 17], DetachKeys.Parse("ctrl-p,ctrl-q"));
        Assert.Equal([0, 27, 31, (byte)'x', 127], DetachKeys.Parse("ctrl-@,ctrl-[,ctrl-_,x,DEL"));
        Assert.Empty(DetachKeys.Parse(""));
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_name()
    {
        var error = Assert.Throws<InvalidInputException>(() => DetachKeys.Parse("ctrl-p,ctrl-1"));

        Assert.Equal("invalid detach keys: Unknown character: 'ctrl-1'", error.Message);
    }

    [Fact]
    public void The_filter_holds_a_partial_sequence_and_passes_it_on_when_it_breaks()
    {
        var filter = new DetachKeyFilter([16, 17]);

        Assert.Equal("ab"u8.ToArray(), filter.Filter("ab"u8));
        Assert.Empty(filter.Filter([16]));
        Assert.Equal(new byte[] { 16, (byte)'c' }, filter.Filter("c"u8));
        Assert.Equal(new byte[] { 16 }, filter.Filter([16, 16]));
        Assert.False(filter.Detached);
        Assert.Empty(filter.Filter([17, (byte)'z']));
        Assert.True(filter.Detached);
    }

    [Fact]
    public void No_keys_means_every_byte_goes_through()
    {
        var filter = new DetachKeyFilter([]);

        Assert.Equal(new byte[] { 16, 17 }, filter.Filter([16, 17]));
        Assert.False(filter.Detached);
    }

    [Fact]
    public void Conmon_gets_t_for_a_terminal_and_i_only_without_one()
    {
        var request = new ConmonRequest(
            "/usr/bin/conmon", "id", "name", "runc", [], "/b", "/b/pid", "/b/conmon.pid", "/e", "/p", "/s",
            "k8s-file", "/l", -1, "error", "/bin/modpod", [], new Dictionary<string, string>());

        var both = ConmonArguments.Build(request with { Terminal = true, Stdin = true });
        var stdin = ConmonArguments.Build(request with { Stdin = true });
        var neither = ConmonArguments.Build(request);

        Assert.Contains("-t", both);
        Assert.DoesNotContain("-i", both);
        Assert.Contains("-i", stdin);
        Assert.DoesNotContain("-t", stdin);
        Assert.DoesNotContain("-i", neither);
        Assert.DoesNotContain("-t", neither);
    }
}
