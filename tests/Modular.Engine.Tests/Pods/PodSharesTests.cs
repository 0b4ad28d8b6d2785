using Modular.Contracts.Errors;
using Modular.Engine.Pods;
using Xunit;

namespace Modular.Engine.Tests.Pods;

public sealed class PodSharesTests
{
    [Fact]
    public void No_flag_shares_net_uts_and_ipc() =>
        Assert.Equal(["ipc", "net", "uts"], PodShares.Parse(null));

    [Fact]
    public void A_list_replaces_the_default_and_plus_adds_to_it()
    {
        Assert.Equal(["net", "pid"], PodShares.Parse("pid,net"));
        Assert.Equal(["ipc", "net", "pid", "uts"], PodShares.Parse("+pid"));
    }

    [Fact]
    public void None_shares_nothing() => Assert.Empty(PodShares.Parse("none"));

    [Fact]
    public void An_unknown_namespace_is_refused_with_podmans_words()
    {
        var error = Assert.Throws<InvalidInputException>(() => PodShares.Parse("net,mnt"));

        Assert.Equal(
            "invalid kernel namespace to share: mnt. Options are: cgroup, ipc, net, pid, uts or none",
            error.Message);
    }

    [Fact]
    public void Exit_policy_takes_continue_or_stop_only()
    {
        Assert.Equal("continue", PodExitPolicy.Parse(null));
        Assert.Equal("stop", PodExitPolicy.Parse("stop"));
        Assert.Throws<InvalidInputException>(() => PodExitPolicy.Parse("bad"));
    }
}
