using System.Diagnostics;
using CliWrap;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>LIFE-02 and LIFE-04: restart policies and healthchecks, with no daemon and no systemd.</summary>
public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task LIFE02_restart_policies_act_on_exit_but_never_undo_a_stop()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "life02a", "--restart", "on-failure:2", image, "sh", "-c", "sleep 1; exit 3");
            await modpod.RunAsync("run", "-d", "--name", "life02b", "--restart", "always", image, "sleep", "600");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var p1 = await InspectAsync("{{.State.Pid}}", "life02b");
            await Cli.Wrap("kill").WithArguments(["-9", p1]).ExecuteAsync();
            await Task.Delay(TimeSpan.FromSeconds(12));

            var a = await InspectAsync("{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", "life02a");
            var b = await InspectAsync("{{.State.Status}} {{.RestartCount}}", "life02b");
            var p2 = await InspectAsync("{{.State.Pid}}", "life02b");
            await modpod.RunAsync("stop", "-t0", "life02b");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var c = await InspectAsync("{{.State.Status}}", "life02b");

            Assert.Equal("exited 2 3", a);
            Assert.Equal("running 1", b);
            Assert.NotEqual(p1, p2);
            Assert.Equal("exited", c);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "life02a", "life02b");
        }
    }

    [Fact]
    public async Task LIFE04_health_moves_starting_healthy_unhealthy_and_wait_healthy_blocks_until_a_pass()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "life04", "--health-cmd", "test -e /tmp/ready", "--health-interval", "1s",
                "--health-retries", "2", "--health-timeout", "1s",
                image, "sh", "-c", "sleep 4; touch /tmp/ready; sleep 600");
            var s0 = await InspectAsync("{{.State.Health.Status}}", "life04");
            var clock = Stopwatch.StartNew();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var wait = await modpod.RunAsync(["wait", "--condition=healthy", "life04"], null, limit.Token);
            var waited = clock.Elapsed;
            var s1 = await InspectAsync("{{.State.Health.Status}}", "life04");
            await modpod.RunAsync("exec", "life04", "rm", "/tmp/ready");
            await Task.Delay(TimeSpan.FromSeconds(6));
            var s2 = await InspectAsync("{{.State.Health.Status}}", "life04");
            var manual = await modpod.RunAsync("healthcheck", "run", "life04");

            Assert.Equal("starting", s0);
            Assert.Equal(0, wait.ExitCode);
            Assert.InRange(waited.TotalSeconds, 3, 15);
            Assert.Equal("healthy", s1);
            Assert.Equal("unhealthy", s2);
            Assert.Equal(1, manual.ExitCode);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t0", "life04");
        }
    }

    private async Task<string> InspectAsync(string format, string name) =>
        (await modpod.RunAsync("inspect", "--format", format, name)).Output;
}
