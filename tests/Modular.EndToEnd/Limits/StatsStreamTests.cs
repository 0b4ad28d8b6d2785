using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// Issue 6 defects: a paused container's stats are its real usage (its cgroup stays), and
/// a streaming <c>stats</c> ends quietly once the reader of its pipe has gone.
/// </summary>
[Collection(Collections.Containers)]
public sealed class StatsStreamTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Stats_of_a_paused_container_shows_its_real_usage()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync(
                "run", "-d", "--name", "stats-paused", "--network", "none", image, "sleep", "1000"));
            ModpodAssert.Exit(0, await modpod.RunAsync("pause", "stats-paused"));

            var result = await modpod.RunAsync("stats", "--no-stream", "--format", "{{.PIDS}}|{{.MemUsage}}", "stats-paused");

            ModpodAssert.Exit(0, result);
            var fields = Assert.Single(result.Lines).Split('|');
            Assert.Equal("1", fields[0]);
            Assert.DoesNotMatch("^0B / ", fields[1]);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "stats-paused");
        }
    }

    [Fact]
    public async Task Streaming_stats_into_head_exits_once_head_has_gone()
    {
        var command = modpod.ShellCommand("stats", "--interval", "1");
        var started = DateTimeOffset.UtcNow;

        // timeout bounds a regression; its 124 would tell the hang apart from an exit.
        var result = await Cli.Wrap("bash")
            .WithArguments(["-c", $"timeout 30 {command} | head -1; echo \"status=${{PIPESTATUS[0]}}\""])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("NAME", lines[0]);
        Assert.Equal("status=0", lines[^1]);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20), "stats outlived its reader");
        Assert.DoesNotContain("Error", result.StandardError);
    }
}
