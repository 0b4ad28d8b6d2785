using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>A detached container lives on under conmon after the CLI exits, and rm erases it.</summary>
[Collection(Collections.Containers)]
public sealed class DetachedContainerTests(ModpodFixture modpod)
{
    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task A_detached_container_outlives_the_cli_under_conmon_with_its_short_id_as_hostname()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var run = await modpod.RunAsync("run", "-d", "--name", "s1", image, "sleep", "300");
        var id = run.Output;
        var ps = await modpod.RunAsync("ps", "--filter", "name=s1", "--format", "{{.Names}} {{.Status}}");
        var pid = int.Parse((await modpod.RunAsync("inspect", "--format", "{{.State.Pid}}", "s1")).Output);
        var hostname = await Cli.Wrap("nsenter")
            .WithArguments(["-t", pid.ToString(), "-u", "cat", "/proc/sys/kernel/hostname"])
            .ExecuteBufferedAsync();

        ModpodAssert.Exit(0, run);
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.StartsWith("s1 Up", ps.Output);
        Assert.Equal("conmon", HostTraces.ParentCommand(pid));
        Assert.Equal(id[..12], hostname.StandardOutput.Trim());
        await modpod.RunAsync("rm", "-f", "-t", "0", "s1");
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task Stop_of_a_process_ignoring_sigterm_kills_it_after_the_grace_period_with_137()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync(
            "run", "-d", "--name", "s-term", image, "sh", "-c", "trap '' TERM; while :; do sleep 1; done");

        var stop = await modpod.RunAsync("stop", "-t", "2", "s-term");
        var code = await modpod.RunAsync("inspect", "--format", "{{.State.ExitCode}}", "s-term");

        ModpodAssert.Exit(0, stop);
        Assert.Equal("137", code.Output);
        await modpod.RunAsync("rm", "-f", "s-term");
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task After_rm_nothing_on_the_host_names_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("run", "-d", "--name", "s-rm", image, "sleep", "300")).Output;
        await modpod.RunAsync("stop", "-t", "2", "s-rm");

        var rm = await modpod.RunAsync("rm", "s-rm");

        ModpodAssert.Exit(0, rm);
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Empty(HostTraces.Find(id, modpod.GraphRoot, modpod.RunRoot));
        Assert.False(await modpod.ContainerExistsAsync("s-rm"));
    }

    [Fact]
    public async Task Rm_of_a_running_container_without_force_exits_2_and_of_an_unknown_name_1()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await modpod.RunAsync("run", "-d", "--name", "s-busy", image, "sleep", "300");

        var busy = await modpod.RunAsync("rm", "s-busy");
        var unknown = await modpod.RunAsync("rm", "no-such-container");

        ModpodAssert.Exit(2, busy);
        ModpodAssert.Exit(1, unknown);
        await modpod.RunAsync("rm", "-f", "-t", "0", "s-busy");
    }

    [Fact]
    public async Task A_detached_container_that_exits_by_itself_is_cleaned_up_by_its_exit_command()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("run", "-d", "--name", "s-self", image, "sh", "-c", "exit 5")).Output;

        var wait = await modpod.RunAsync("wait", "s-self");
        var conmonGone = await ConmonExitsAsync(id);
        var ps = await modpod.RunAsync("ps", "-a", "--filter", "name=s-self", "--format", "{{.Status}}");
        var rm = await modpod.RunAsync("rm", "s-self");

        Assert.Equal("5", wait.Output);
        Assert.True(conmonGone, "conmon (and its exit command) still runs for the exited container");
        Assert.StartsWith("Exited (5)", ps.Output);
        ModpodAssert.Exit(0, rm);
    }

    [Fact]
    public async Task Rmi_of_an_image_in_use_exits_2_and_with_force_removes_its_containers_too()
    {
        await modpod.LoadAsync(
            await Modular.TestImages.TestImageCatalog.UniqueAsync("localhost/rmi-use:latest", "rmi-in-use"),
            expectSuccess: true);
        await modpod.RunAsync("run", "-d", "--name", "rmi-user", "localhost/rmi-use:latest", "sleep", "300");

        var refused = await modpod.RunAsync("rmi", "localhost/rmi-use:latest");
        var forced = await modpod.RunAsync("rmi", "-f", "localhost/rmi-use:latest");
        var exists = await modpod.RunAsync("image", "exists", "localhost/rmi-use:latest");

        ModpodAssert.Exit(2, refused);
        ModpodAssert.Exit(0, forced);
        ModpodAssert.Exit(1, exists);
        Assert.False(await modpod.ContainerExistsAsync("rmi-user"));
    }

    // conmon ends once its exit command (container cleanup) has returned; a cleanup that
    // hangs keeps conmon alive. Polled with a generous bound: this checks that it ends,
    // not how fast.
    private static async Task<bool> ConmonExitsAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (HostTraces.ProcessesWithArgument(id).Any(p => p.Command == "conmon"))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
