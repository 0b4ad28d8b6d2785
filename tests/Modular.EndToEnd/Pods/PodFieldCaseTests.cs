using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Networks;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Field case POD-01 (../shared/field-cases.md), in the pod tests' own store and network: it
/// needs a bridge, and a claimed subnet keeps it off the shared modpod0.
/// </summary>
public sealed class PodFieldCaseTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task POD01_ports_live_on_the_infra_and_members_share_its_localhost_but_publish_nothing()
    {
        var pod = $"pod01-{fixture.BridgePrefix}";
        var port = Loopback.FreePort();
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod, "-p", $"127.0.0.1:{port}:8080"));
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--pod", pod, "--name", pod + "-web", ModpodFixture.Busybox, "sh", "-c",
                "mkdir -p /www && echo pod01-ok > /www/index.html && exec httpd -f -p 8080 -h /www"));

            var fromHost = await Loopback.GetAsync(port, "index.html");
            var fromMember = await FetchInPodAsync(pod);
            var publishing = await Modpod.RunAsync(
                "create", "--pod", pod, "-p", $"{Loopback.FreePort()}:80", ModpodFixture.Busybox, "true");
            var infra = (await Modpod.RunAsync("pod", "inspect", "--format", "{{.InfraContainerID}}", pod)).Output;
            var mapped = await Modpod.RunAsync("port", infra, "8080");

            Assert.Equal("pod01-ok\n", fromHost);
            ModpodAssert.Exit(0, fromMember);
            Assert.Equal("pod01-ok", fromMember.Output);
            ModpodAssert.Exit(125, publishing);
            Assert.Contains("port", publishing.StandardError, StringComparison.OrdinalIgnoreCase);
            ModpodAssert.Exit(0, mapped);
            Assert.Equal($"127.0.0.1:{port}", mapped.Output);
        }
        finally
        {
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    // httpd may take a moment to listen after `run -d` returns.
    private async Task<ModpodResult> FetchInPodAsync(string pod)
    {
        ModpodResult result = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            result = await Modpod.RunAsync(
                "run", "--rm", "--pod", pod, ModpodFixture.Busybox, "wget", "-qO-", "http://127.0.0.1:8080/index.html");
            if (result.ExitCode == 0)
            {
                return result;
            }

            await Task.Delay(250);
        }

        return result;
    }
}
