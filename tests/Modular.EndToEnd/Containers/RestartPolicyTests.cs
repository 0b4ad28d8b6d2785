using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>--restart with no daemon: conmon's exit command restarts, and start --all brings back.</summary>
[Collection(Collections.Containers)]
public sealed class RestartPolicyTests(ModpodFixture modpod)
{
    [Fact]
    public async Task On_failure_2_with_exit_1_runs_three_times_in_all()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync(
                "run", "-d", "--name", "rp-three", "--restart", "on-failure:2", image, "sh", "-c", "echo ran; exit 1");
            var final = await WaitForAsync("rp-three", "exited 2", TimeSpan.FromSeconds(20));

            var logs = await modpod.RunAsync("logs", "rp-three");
            var policy = await modpod.RunAsync(
                "inspect", "--format", "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}",
                "rp-three");

            Assert.Equal("exited 2", final);
            Assert.Equal(["ran", "ran", "ran"], logs.Lines);
            Assert.Equal("on-failure 2", policy.Output);
            Assert.Equal("1", (await modpod.RunAsync("inspect", "--format", "{{.State.ExitCode}}", "rp-three")).Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "rp-three");
        }
    }

    [Fact]
    public async Task On_failure_leaves_a_clean_exit_alone()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "rp-zero", "--restart", "on-failure", image, "true");
            var final = await WaitForAsync("rp-zero", "exited 0", TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.Equal("exited 0", final);
            Assert.Equal("exited 0", await StateAsync("rp-zero"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "rp-zero");
        }
    }

    [Fact]
    public async Task Start_all_with_a_restart_policy_filter_starts_only_those_containers()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "rp-always", "--restart", "always", image, "sleep", "300");
            await modpod.RunAsync("create", "--name", "rp-none", image, "sleep", "300");

            var start = await modpod.RunAsync("start", "--all", "--filter", "restart-policy=always");
            var always = await modpod.RunAsync("inspect", "--format", "{{.State.Status}} {{.Id}}", "rp-always");
            var none = await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "rp-none");

            ModpodAssert.Exit(0, start);
            Assert.Equal("running", always.Output.Split(' ')[0]);
            Assert.Contains(always.Output.Split(' ')[1], start.Lines);
            Assert.Equal("created", none.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rp-always", "rp-none");
        }
    }

    [Theory]
    [InlineData("bogus", "running container create option: \"bogus\" is not a valid restart policy: invalid argument")]
    [InlineData("always:3", "restart policy retries can only be specified with on-failure restart policy")]
    [InlineData("on-failure:x", "parsing restart policy retry count: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("on-failure:-1", "must specify restart policy retry count as a number greater than 0")]
    [InlineData("on-failure:1:2", "invalid restart policy: may specify retries at most once")]
    public async Task A_bad_restart_value_is_refused_and_nothing_is_created(string value, string message)
    {
        var image = await modpod.EnsureBusyboxAsync();

        var create = await modpod.RunAsync("create", "--name", "rp-bad", "--restart", value, image, "true");

        ModpodAssert.Exit(125, create);
        Assert.Equal("Error: " + message, create.StandardError.Trim());
        Assert.False(await modpod.ContainerExistsAsync("rp-bad"));
    }

    [Fact]
    public async Task Rm_with_a_restarting_policy_is_refused_as_podman_refuses_it()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunAsync("run", "--rm", "--restart", "always", image, "true");

        ModpodAssert.Exit(125, run);
        Assert.Equal(
            "Error: the --rm option conflicts with --restart, when the restartPolicy is not \"\" and \"no\"",
            run.StandardError.Trim());
    }

    private async Task<string> StateAsync(string name) =>
        (await modpod.RunAsync("inspect", "--format", "{{.State.Status}} {{.RestartCount}}", name)).Output;

    private async Task<string> WaitForAsync(string name, string expected, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var state = await StateAsync(name);
        while (state != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            state = await StateAsync(name);
        }

        return state;
    }
}
