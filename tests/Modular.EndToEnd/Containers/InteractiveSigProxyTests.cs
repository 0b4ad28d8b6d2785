using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// --sig-proxy=false on a plain attached run (no -i, no -t): SIGTERM ends modpod and leaves
/// the container running, as Podman's does.
/// </summary>
[Collection(Collections.Containers)]
public sealed class InteractiveSigProxyTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Sig_proxy_false_without_i_leaves_the_container_running_when_modpod_gets_sigterm()
    {
        var image = await modpod.EnsureBusyboxAsync();
        const string Trap = "trap 'echo got-term; exit 9' TERM; echo ready; while :; do sleep 0.2; done";
        try
        {
            var run = modpod.Start(
                "run", "--sig-proxy=false", "--name", "sp2", "--network", "none", image, "sh", "-c", Trap);
            await WaitReadyAsync("sp2");
            await CliWrap.Cli.Wrap("kill").WithArguments(["-TERM", run.ProcessId.ToString()]).ExecuteAsync();
            var result = await run.Completion;
            await Task.Delay(500);
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "sp2");

            Assert.DoesNotContain("got-term", result.StandardOutput, StringComparison.Ordinal);
            Assert.Equal("running", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", "sp2");
        }
    }

    private async Task WaitReadyAsync(string name)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await modpod.RunAsync("logs", name)).Output.Contains("ready", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"{name} never said ready");
    }
}
