using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Networks;

public abstract partial class NetworkTests<TFixture>
{
    [Fact]
    public async Task Connecting_again_is_a_no_op_until_the_container_is_initialized()
    {
        var (net, create) = network.NextNetwork("again");
        var name = Unique("again");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync(create));
            var created = await Modpod.RunAsync("create", "--name", name, "--network", net, Image, "sleep", "600");
            var id = created.Output.Trim();

            var again = await Modpod.RunAsync("network", "connect", net, name);
            var init = await Modpod.RunAsync("init", name);
            var refused = await Modpod.RunAsync("network", "connect", net, name);

            ModpodAssert.Exit(0, created);
            ModpodAssert.Exit(0, again);
            ModpodAssert.Exit(0, init);
            ModpodAssert.Exit(125, refused);
            Assert.Contains(
                $"container {id} is already connected to network {net}: network is already connected",
                refused.StandardError);
        }
        finally
        {
            await RemoveAsync(name);
            await Modpod.RunAsync("network", "rm", "-f", net);
        }
    }
}
