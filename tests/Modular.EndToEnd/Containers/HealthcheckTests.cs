using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>healthcheck run, status in ps and inspect, the timer process and the health flags.</summary>
[Collection(Collections.Containers)]
public sealed class HealthcheckTests(ModpodFixture modpod)
{
    [Fact]
    public async Task A_passing_check_exits_0_silently_and_ps_shows_healthy()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "hc-ok", "--health-cmd", "echo fine", "--health-interval", "disable",
                image, "sleep", "300");

            var before = await HealthAsync("hc-ok");
            var run = await modpod.RunAsync("healthcheck", "run", "hc-ok");
            var ps = await modpod.RunAsync("ps", "--filter", "name=hc-ok", "--format", "{{.Status}}");
            var health = JsonNode.Parse((await modpod.RunAsync("inspect", "--format", "{{json .State.Health}}", "hc-ok")).Output)!;
            var test = await modpod.RunAsync("inspect", "--format", "{{json .Config.Healthcheck.Test}}", "hc-ok");

            Assert.Equal("starting", before);
            ModpodAssert.Exit(0, run);
            Assert.Equal("", run.Output);
            Assert.Matches(@"^Up .* \(healthy\)$", ps.Output);
            Assert.Equal("healthy", health["Status"]!.GetValue<string>());
            Assert.Equal(0, health["FailingStreak"]!.GetValue<int>());
            Assert.Equal("fine", health["Log"]![0]!["Output"]!.GetValue<string>());
            Assert.Equal(["End", "ExitCode", "Output", "Start"], health["Log"]![0]!.AsObject().Select(p => p.Key).Order());
            Assert.Equal("[\"CMD-SHELL\",\"echo fine\"]", test.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-ok");
        }
    }

    [Fact]
    public async Task A_failing_check_past_its_retries_prints_unhealthy_and_exits_1()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "hc-bad", "--health-cmd", "[\"sh\",\"-c\",\"exit 2\"]",
                "--health-interval", "disable", "--health-retries", "1", image, "sleep", "300");

            var run = await modpod.RunAsync("healthcheck", "run", "hc-bad");
            var ps = await modpod.RunAsync("ps", "--filter", "health=unhealthy", "--format", "{{.Names}} {{.Status}}");

            ModpodAssert.Exit(1, run);
            Assert.Equal("unhealthy", run.Output);
            Assert.Matches(@"^hc-bad Up .* \(unhealthy\)$", ps.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-bad");
        }
    }

    [Fact]
    public async Task Healthcheck_run_refuses_with_podmans_texts()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var plain = (await modpod.RunAsync("run", "-d", "--name", "hc-none", image, "sleep", "300")).Output;
            var created = (await modpod.RunAsync("create", "--name", "hc-created", "--health-cmd", "true", image, "true")).Output;

            var none = await modpod.RunAsync("healthcheck", "run", "hc-none");
            var notRunning = await modpod.RunAsync("healthcheck", "run", "hc-created");
            var missing = await modpod.RunAsync("healthcheck", "run", "hc-missing");

            ModpodAssert.Exit(125, none);
            Assert.Equal($"Error: container {plain} has no defined healthcheck", none.StandardError.Trim());
            ModpodAssert.Exit(125, notRunning);
            Assert.Equal($"Error: container {created} is not running", notRunning.StandardError.Trim());
            ModpodAssert.Exit(125, missing);
            Assert.Equal(
                "Error: unable to look up hc-missing to perform a health check: no container with name or ID \"hc-missing\" found: no such container",
                missing.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-none", "hc-created");
        }
    }

    [Fact]
    public async Task The_timer_process_is_gone_after_rm_f_by_its_recorded_pid()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync(
            "run", "-d", "--name", "hc-timer", "--health-cmd", "true", "--health-interval", "1s", image, "sleep", "300")).Output;
        try
        {
            var pid = await RecordedTimerPidAsync("hc-timer");
            var aliveBefore = IsAlive(pid);
            var argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var status = await HealthAsync("hc-timer");

            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-timer");

            Assert.True(pid > 0);
            Assert.True(aliveBefore);
            Assert.Equal(["healthcheck", "timer", id], argv.Where(a => a.Length > 0).TakeLast(3));
            Assert.Equal("healthy", status);
            Assert.False(IsAlive(pid));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-timer");
        }
    }

    [Fact]
    public async Task The_timer_ends_with_stop_and_a_new_one_comes_with_start()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "hc-stop", "--health-cmd", "true", "--health-interval", "1s", image, "sleep", "300");
            var first = await RecordedTimerPidAsync("hc-stop");

            await modpod.RunAsync("stop", "-t", "0", "hc-stop");
            var afterStop = await RecordedTimerPidAsync("hc-stop");
            await modpod.RunAsync("start", "hc-stop");
            var second = await RecordedTimerPidAsync("hc-stop");

            Assert.False(IsAlive(first));
            Assert.Equal(0, afterStop);
            Assert.True(IsAlive(second));
            Assert.NotEqual(first, second);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-stop");
        }
    }

    [Fact]
    public async Task The_images_healthcheck_applies_unless_no_healthcheck()
    {
        var check = new JsonObject
        {
            ["Test"] = new JsonArray("CMD-SHELL", "test -d /"),
            ["Interval"] = 0,
            ["Retries"] = 2,
        };
        await modpod.LoadAsync(await TestImageCatalog.HealthcheckAsync("localhost/hc-image:latest", check), true);
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "hc-img", "localhost/hc-image:latest", "sleep", "300");
            await modpod.RunAsync(
                "run", "-d", "--name", "hc-off", "--no-healthcheck", "localhost/hc-image:latest", "sleep", "300");

            var config = await modpod.RunAsync("inspect", "--format", "{{json .Config.Healthcheck}}", "hc-img");
            var run = await modpod.RunAsync("healthcheck", "run", "hc-img");
            var off = await modpod.RunAsync("healthcheck", "run", "hc-off");

            Assert.Equal(
                "{\"Test\":[\"CMD-SHELL\",\"test -d /\"],\"Interval\":30000000000,\"Timeout\":30000000000,\"Retries\":2}",
                config.Output);
            ModpodAssert.Exit(0, run);
            ModpodAssert.Exit(125, off);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hc-img", "hc-off");
            await modpod.RunAsync("rmi", "localhost/hc-image:latest");
        }
    }

    [Theory]
    [InlineData("--health-interval", "5x", "invalid healthcheck-interval: time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("--health-retries", "0", "healthcheck-retries must be greater than 0")]
    [InlineData("--health-timeout", "0s", "healthcheck-timeout must be at least 1 second")]
    [InlineData("--health-start-period", "-1s", "healthcheck-start-period must be 0 seconds or greater")]
    [InlineData("--health-on-failure", "bogus", "invalid on-failure action \"bogus\" for health check: supported actions are none,kill,restart,stop")]
    [InlineData("--no-healthcheck", null, "cannot specify both --no-healthcheck and --health-cmd")]
    public async Task A_bad_health_flag_is_refused_and_nothing_is_created(string flag, string? value, string message)
    {
        var image = await modpod.EnsureBusyboxAsync();
        string[] flagArgs = value is null ? [flag] : [flag, value];

        var create = await modpod.RunAsync(
            ["create", "--name", "hc-flag", "--health-cmd", "true", .. flagArgs, image, "true"], null);

        ModpodAssert.Exit(125, create);
        Assert.Equal("Error: " + message, create.StandardError.Trim());
        Assert.False(await modpod.ContainerExistsAsync("hc-flag"));
    }

    [Fact]
    public async Task An_empty_health_command_is_refused()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var create = await modpod.RunAsync("create", "--health-cmd", "[]", image, "true");

        ModpodAssert.Exit(125, create);
        Assert.Equal("Error: must define a healthcheck command for all healthchecks", create.StandardError.Trim());
    }

    private async Task<string> HealthAsync(string name) =>
        (await modpod.RunAsync("inspect", "--format", "{{.State.Health.Status}}", name)).Output;

    // The pid the engine recorded in the container's state row, read straight from the store.
    private async Task<int> RecordedTimerPidAsync(string name)
    {
        var query = $"SELECT json_extract(state, '$.healthTimerPid') FROM containers WHERE name = '{name}'";
        var result = await Cli.Wrap("sqlite3")
            .WithArguments([Path.Combine(modpod.GraphRoot, "modular.db"), query])
            .ExecuteBufferedAsync();
        return int.TryParse(result.StandardOutput.Trim(), out var pid) ? pid : 0;
    }

    // A zombie left to a PID 1 that does not reap is gone too.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return pid > 0 && stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
