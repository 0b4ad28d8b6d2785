using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>pause and unpause through the runtime's freezer; stop, kill and rm -f of a paused container.</summary>
[Collection(Collections.Containers)]
public sealed class PauseTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Pause_freezes_and_unpause_thaws_with_podmans_states_and_texts()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("run", "-d", "--name", "pz-one", "--network", "none", image, "sleep", "600")).Output;

            var pause = await modpod.RunAsync("pause", "pz-one");
            var state = await InspectAsync("pz-one");
            var ps = await modpod.RunAsync("ps", "-a", "--filter", "name=pz-one", "--format", "{{.Status}}");
            var again = await modpod.RunAsync("pause", "pz-one");
            var unpause = await modpod.RunAsync("unpause", "pz-one");
            var running = await InspectAsync("pz-one");
            var notPaused = await modpod.RunAsync("unpause", "pz-one");

            Assert.Equal("pz-one", pause.Output);
            Assert.StartsWith("paused true false ", state);
            Assert.NotEqual("0", state.Split(' ')[3]);
            Assert.Equal("Paused", ps.Output);
            ModpodAssert.Exit(125, again);
            Assert.Equal($"Error: \"{id}\" is already paused: container state improper", again.StandardError.Trim());
            Assert.Equal("pz-one", unpause.Output);
            Assert.StartsWith("running false true ", running);
            ModpodAssert.Exit(125, notPaused);
            Assert.Equal(
                $"Error: \"{id}\" is not paused, can't unpause: container state improper",
                notPaused.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "pz-one");
        }
    }

    [Fact]
    public async Task A_paused_container_can_be_stopped_killed_and_removed()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            foreach (var name in new[] { "pz-stop", "pz-kill", "pz-rm" })
            {
                await modpod.RunAsync("run", "-d", "--name", name, "--network", "none", image, "sleep", "600");
                await modpod.RunAsync("pause", name);
            }

            var stop = await modpod.RunAsync("stop", "-t", "1", "pz-stop");
            var kill = await modpod.RunAsync("kill", "pz-kill");
            await modpod.RunAsync("wait", "pz-kill");
            var rm = await modpod.RunAsync("rm", "-f", "-t", "0", "pz-rm");

            ModpodAssert.Exit(0, stop);
            Assert.Equal("exited 137", await StatusAsync("pz-stop"));
            ModpodAssert.Exit(0, kill);
            Assert.Equal("exited 137", await StatusAsync("pz-kill"));
            ModpodAssert.Exit(0, rm);
            Assert.False(await modpod.ContainerExistsAsync("pz-rm"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "pz-stop", "pz-kill", "pz-rm");
        }
    }

    [Fact]
    public async Task Pause_all_skips_containers_that_are_not_running_and_prints_ids()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var id = (await modpod.RunAsync("run", "-d", "--name", "pz-all", "--network", "none", image, "sleep", "600")).Output;
            await modpod.RunAsync("create", "--name", "pz-created", "--network", "none", image, "true");

            var pause = await modpod.RunAsync("pause", "--all");
            var unpause = await modpod.RunAsync("unpause", "-a");

            ModpodAssert.Exit(0, pause);
            Assert.Contains(id, pause.Lines);
            Assert.Equal("created", (await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "pz-created")).Output);
            ModpodAssert.Exit(0, unpause);
            Assert.Contains(id, unpause.Lines);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "pz-all", "pz-created");
        }
    }

    [Fact]
    public async Task Latest_and_cidfile_pick_the_container_as_podman_does()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var cidFile = Path.Combine(modpod.Directory, "work", "pz-cid");
        try
        {
            await modpod.RunAsync("run", "-d", "--name", "pz-older", "--network", "none", image, "sleep", "600");
            var id = (await modpod.RunAsync("run", "-d", "--name", "pz-newest", "--network", "none", image, "sleep", "600")).Output;
            await File.WriteAllTextAsync(cidFile, id + "\n");

            var latest = await modpod.RunAsync("pause", "--latest");
            var fromFile = await modpod.RunAsync("unpause", "--cidfile", cidFile);
            var both = await modpod.RunAsync("pause", "-l", "pz-older");

            Assert.Equal(id, latest.Output);
            Assert.Equal(id, fromFile.Output);
            Assert.Equal("running", (await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", "pz-newest")).Output);
            ModpodAssert.Exit(125, both);
            Assert.Equal("Error: --latest and containers cannot be used together", both.StandardError.Trim());
        }
        finally
        {
            File.Delete(cidFile);
            await modpod.RunAsync("rm", "-f", "-t", "0", "pz-older", "pz-newest");
        }
    }

    [Theory]
    [InlineData(new[] { "pause" }, "Error: you must provide at least one name or id")]
    [InlineData(new[] { "unpause", "--all", "x" }, "Error: no arguments are needed with --all")]
    [InlineData(new[] { "pause", "pz-missing" }, "Error: no container with name or ID \"pz-missing\" found: no such container")]
    public async Task Bad_input_is_one_error_line_and_exit_125(string[] args, string message)
    {
        var result = await modpod.RunAsync(args);

        ModpodAssert.Exit(125, result);
        Assert.Equal(message, result.StandardError.Trim());
    }

    [Fact]
    public async Task Pausing_an_exited_container_names_its_state()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("run", "--name", "pz-exited", "--network", "none", image, "true");

            var pause = await modpod.RunAsync("pause", "pz-exited");

            ModpodAssert.Exit(125, pause);
            Assert.Equal("Error: \"exited\" is not running, can't pause: container state improper", pause.StandardError.Trim());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "pz-exited");
        }
    }

    private async Task<string> InspectAsync(string name) =>
        (await modpod.RunAsync(
            "inspect", "--format", "{{.State.Status}} {{.State.Paused}} {{.State.Running}} {{.State.Pid}}", name)).Output;

    private async Task<string> StatusAsync(string name) =>
        (await modpod.RunAsync("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name)).Output;
}
