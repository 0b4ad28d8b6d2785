using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester finding 12: a single-value flag given twice keeps its last value, as
/// Podman's flag parser does, on every command.
/// </summary>
[Collection(Collections.Containers)]
public sealed class RepeatedFlagTests(ModpodFixture modpod)
{
    [Fact]
    public async Task The_last_value_of_a_repeated_flag_wins_on_create_run_and_pod_create()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = "rf-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            var created = await modpod.RunAsync("create", "--network", "none", "--name", "rf-first", "--name", name,
                "--memory", "64m", "--memory", "32m", "--pids-limit", "50", "--pids-limit=60", image, "true");
            var run = await modpod.RunAsync("run", "--rm", "--network", "none", "--user", "1", "-u", "2",
                "--ipc", "host", "--ipc", "private", image, "id", "-u");
            var pod = await modpod.RunAsync("pod", "create", "--infra=false", "--name", "rf-a", "--name", name + "-pod");

            ModpodAssert.Exit(0, created);
            Assert.Equal("33554432 60", (await modpod.RunAsync("inspect", "--format",
                "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}", name)).Output);
            ModpodAssert.Exit(0, run);
            Assert.Equal("2", run.Output);
            ModpodAssert.Exit(0, pod);
            ModpodAssert.Exit(0, await modpod.RunAsync("pod", "exists", name + "-pod"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "--ignore", name);
            await modpod.RunAsync("pod", "rm", "-f", "--ignore", name + "-pod");
        }
    }
}
