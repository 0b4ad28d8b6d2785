using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>State survives a lost runroot and a CLI killed half way.</summary>
[Collection(Collections.Containers)]
public sealed class RecoveryTests(ModpodFixture modpod)
{
    [Fact]
    public async Task After_a_simulated_reboot_ps_shows_the_container_exited_and_start_works()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("run", "-d", "--name", "reboot1", image, "sleep", "300")).Output;
        var pids = await modpod.RunAsync(
            "inspect", "--format", "{{.State.ConmonPid}} {{.State.Pid}}", "reboot1");

        await SimulateRebootAsync(id, pids.Output.Split(' ').Select(int.Parse));
        var status = await modpod.RunAsync("ps", "-a", "--filter", "name=reboot1", "--format", "{{.Status}}");
        var start = await modpod.RunAsync("start", "reboot1");
        var after = await modpod.RunAsync("ps", "--filter", "name=reboot1", "--format", "{{.Status}}");

        Assert.StartsWith("Exited", status.Output);
        ModpodAssert.Exit(0, start);
        Assert.StartsWith("Up", after.Output);
        await modpod.RunAsync("rm", "-f", "-t", "0", "reboot1");
    }

    [Fact]
    public async Task Rm_force_after_run_was_killed_during_create_leaves_nothing_behind()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var (pid, completion) = modpod.Start("run", "-d", "--name", "killed1", image, "sleep", "300");
        await WaitUntilAsync(() => modpod.ContainerExistsAsync("killed1"), completion);
        HostTraces.KillByPid(pid);
        await completion;
        var id = (await modpod.RunAsync("inspect", "--format", "{{.Id}}", "killed1")).Output;
        var rm = await modpod.RunAsync("rm", "-f", "-t", "0", "killed1");

        Assert.True(rm.ExitCode is 0 or 1, rm.ToString());
        Assert.False(await modpod.ContainerExistsAsync("killed1"));
        if (id.Length == 64)
        {
            Assert.Empty(HostTraces.Find(id, modpod.GraphRoot, modpod.RunRoot));
        }
    }

    private async Task SimulateRebootAsync(string id, IEnumerable<int> pids)
    {
        // conmon goes first: were the container killed first, conmon would run the
        // exit command and record a clean exit, which is not what a reboot does.
        foreach (var pid in pids.Where(p => p > 0))
        {
            HostTraces.KillByPid(pid);
        }

        // A reboot empties /run: unmount what lives under our runroot, then wipe it,
        // and the runtimes' state for this one container (never anyone else's).
        var underRunRoot = HostTraces.MountPoints()
            .Where(m => m.StartsWith(modpod.RunRoot + "/", StringComparison.Ordinal));
        foreach (var mount in underRunRoot)
        {
            await CliWrap.Cli.Wrap("umount").WithArguments(["-l", mount])
                .WithValidation(CliWrap.CommandResultValidation.None).ExecuteAsync();
        }

        Directory.Delete(modpod.RunRoot, recursive: true);
        Directory.CreateDirectory(modpod.RunRoot);
        foreach (var state in new[] { "/run/crun/" + id, "/run/runc/" + id })
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Task stopWhenDone)
    {
        // Bounded polling: the point is to catch the CLI between "row exists" and "started".
        for (var i = 0; i < 200 && !stopWhenDone.IsCompleted; i++)
        {
            if (await condition())
            {
                return;
            }
        }
    }
}
