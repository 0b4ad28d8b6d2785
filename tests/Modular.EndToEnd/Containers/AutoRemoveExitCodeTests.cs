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

            // run holds the container's lock for a moment after the start; stopped inside
            // that moment it would keep the exit command (and every lookup) waiting for
            // good. Let it get past, and never wait on a lookup for more than 5 s, so a
            // stop at a bad moment fails this test rather than hanging the suite.
            await Task.Delay(500);
            await SignalAsync("-STOP", pid);
            try
            {
                await WaitUntilAsync(async () => !await ExistsAsync(name));
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

    private async Task<bool> ExistsAsync(string name)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            return (await modpod.RunAsync(["container", "exists", name], null, limit.Token)).ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static async Task SignalAsync(string signal, int pid) =>
        await Cli.Wrap("kill").WithArguments([signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .ExecuteAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met within 15 seconds");
            await Task.Delay(50);
        }
    }
}
