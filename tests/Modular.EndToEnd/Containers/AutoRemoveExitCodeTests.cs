using CliWrap;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// An attached <c>run --rm</c> reports its container's exit code even when conmon's exit
/// command removed the container before <c>run</c> looked: on a loaded host that happened
/// (NamespaceModeTests failed once with crun, the exit code lost). The test makes the
/// delay certain by stopping the <c>run</c> process (SIGSTOP, by its own PID) until the
/// container is gone, then lets it go on.
/// </summary>
[Collection(Collections.Containers)]
public sealed class AutoRemoveExitCodeTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Run_rm_reports_the_exit_code_after_the_exit_command_removed_the_container()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = $"rm-race-{Guid.NewGuid().ToString("N")[..6]}";
        var marks = Directory.CreateTempSubdirectory("modular-rmrace-");
        try
        {
            var (pid, completion) = modpod.Start(
                "run", "--rm", "--name", name, "--network", "none", "-v", $"{marks.FullName}:/marks",
                image, "sh", "-c", "touch /marks/started; sleep 1; exit 3");
            await WaitUntilAsync(() => Task.FromResult(File.Exists(Path.Combine(marks.FullName, "started"))));

            await SignalAsync("-STOP", pid);
            try
            {
                await WaitUntilAsync(async () => !await modpod.ContainerExistsAsync(name));
            }
            finally
            {
                await SignalAsync("-CONT", pid);
            }

            var result = await completion;

            ModpodAssert.Exit(3, result);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
            marks.Delete(recursive: true);
        }
    }

    private static async Task SignalAsync(string signal, int pid) =>
        await Cli.Wrap("kill").WithArguments([signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .ExecuteAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 300 && !await condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "the condition was not met within 15 seconds");
    }
}
