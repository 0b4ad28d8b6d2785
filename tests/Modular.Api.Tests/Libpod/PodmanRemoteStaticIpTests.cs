using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 sends --ip and --mac-address inside the SpecGenerator's per-network
/// options (networks{NAME:{static_ips, static_mac}}): the container gets them.
/// </summary>
public sealed class PodmanRemoteStaticIpTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task CreateWithIpAndMacOnANetworkKeepsThem()
    {
        var net = await Store.RunAsync("network", "create", "--subnet", "10.243.17.0/24", "rfix-static-net");
        Assert.True(net.ExitCode == 0, net.ToString());
        try
        {
            var create = await service.PodmanAsync(
                "create", "--pull", "never", "--name", "rfix-static", "--network", "rfix-static-net",
                "--ip", "10.243.17.5", "--mac-address", "92:d0:c6:0a:29:33", ModpodFixture.Busybox, "sleep", "100");
            Assert.True(create.ExitCode == 0, create.ToString());
            var start = await Store.RunAsync("start", "rfix-static");
            Assert.True(start.ExitCode == 0, start.ToString());

            var inspect = await Store.RunAsync(
                "inspect", "--format",
                "{{(index .NetworkSettings.Networks \"rfix-static-net\").IPAddress}} "
                + "{{(index .NetworkSettings.Networks \"rfix-static-net\").MacAddress}}",
                "rfix-static");
            Assert.Equal("10.243.17.5 92:d0:c6:0a:29:33", inspect.Output);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", "rfix-static");
            await Store.RunAsync("network", "rm", "-f", "rfix-static-net");
        }
    }
}
