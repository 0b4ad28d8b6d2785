using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>restart (-t, --running, paused refusal) and the user's stop winning over --restart always.</summary>
[Collection(Collections.Containers)]
public sealed class RestartCommandTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Restart_stops_and_starts_a_running_container_and_starts_an_exited_one()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "rs-run", "--network", "none", image, "sleep", "600");
            await modpod.RunAsync("run", "--name", "rs-exited", "--network", "none", image, "true");
            var before = await PidAsync("rs-run");

            var restart = await modpod.RunAsync("restart", "-t", "0", "rs-run", "rs-exited");

            ModpodAssert.Exit(0, restart);
            Assert.Equal(["rs-run", "rs-exited"], restart.Lines);
            Assert.Equal("running", await StatusAsync("rs-run"));
            Assert.NotEqual(before, await PidAsync("rs-run"));
            Assert.NotEqual("created", await StatusAsync("rs-exited"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rs-run", "rs-exited");
        }
    }

    [Fact]
    public async Task Restart_running_leaves_stopped_containers_alone()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("run", "-d", "--name", "rs-up", "--network", "none", image, "sleep", "600")).Output;
            await modpod.RunAsync("create", "--name", "rs-down", "--network", "none", image, "sleep", "600");

            var restart = await modpod.RunAsync("restart", "--running", "-t", "0");

            ModpodAssert.Exit(0, restart);
            Assert.Contains(id, restart.Lines);
            Assert.Equal("created", await StatusAsync("rs-down"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rs-up", "rs-down");
        }
    }

    [Fact]
    public async Task Restart_of_a_paused_container_is_refused_as_podman_refuses_it()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "rs-paused", "--network", "none", image, "sleep", "600");
            await modpod.RunAsync("pause", "rs-paused");

            var restart = await modpod.RunAsync("restart", "rs-paused");

            ModpodAssert.Exit(125, restart);
            Assert.Equal(
                "Error: unable to restart a container in a paused or unknown state: container state improper",
                restart.StandardError.Trim());
            Assert.Equal("paused", await StatusAsync("rs-paused"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rs-paused");
        }
    }

    /// <summary>
    /// The race the fix closes: a --restart always container that exits on its own has its
    /// exit command queued on the lock when the user's stop arrives; the stop must win.
    /// A fast-exiting command makes the window wide (1 in 12 lost before the fix).
    /// </summary>
    [Fact]
    public async Task A_users_stop_is_never_undone_by_restart_always_in_a_loop()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var states = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var name = $"rs-loop{i}";
            try
            {
                await modpod.RunAsync("run", "-d", "--name", name, "--network", "none", "--restart", "always", image, "true");
                await modpod.RunAsync("stop", "-t", "0", name);
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                states.Add(await StatusAsync(name));
            }
            finally
            {
                await modpod.RunAsync("rm", "-f", "-t", "0", name);
            }
        }

        Assert.All(states, state => Assert.Equal("exited", state));
    }

    [Fact]
    public async Task A_stopped_sleeper_with_restart_always_stays_stopped()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "rs-sleeper", "--network", "none", "--restart", "always", image, "sleep", "600");

            await modpod.RunAsync("stop", "-t", "0", "rs-sleeper");
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.Equal("exited", await StatusAsync("rs-sleeper"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "rs-sleeper");
        }
    }

    private async Task<string> StatusAsync(string name) =>
        (await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", name)).Output;

    private async Task<string> PidAsync(string name) =>
        (await modpod.RunAsync("inspect", "--format", "{{.State.Pid}}", name)).Output;
}
