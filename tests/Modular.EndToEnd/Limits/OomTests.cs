using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Limits;

/// <summary>
/// An OOM kill and a plain SIGKILL both end in 137; only the first is OOMKilled in inspect.
/// </summary>
[Collection(Collections.Containers)]
public sealed class OomTests(ModpodFixture modpod)
{
    // Doubles a shell string until the memory cgroup's limit makes the kernel kill it.
    private const string MemoryHog = "x=a; while true; do x=\"$x$x\"; done";

    public static TheoryData<string> Runtimes => new() { "crun", "runc" };

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task A_memory_hog_under_32m_exits_137_and_is_oom_killed(string runtime)
    {
        var name = $"limits-oom-{runtime}";
        var image = await modpod.EnsureBusyboxAsync();
        var cwd = Directory.CreateTempSubdirectory("modular-oom-cwd-").FullName;
        try
        {
            var run = await modpod.RunInAsync(cwd, "--runtime", runtime, "run", "--name", name,
                "--network", "none", "--memory", "32m", image, "sh", "-c", MemoryHog);

            ModpodAssert.Exit(137, run);

            // conmon writes its oom file into its working directory: never the user's.
            Assert.Empty(Directory.GetFileSystemEntries(cwd));
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.OOMKilled}} {{.State.ExitCode}}", name);
            Assert.Equal("true 137", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", name);
            Directory.Delete(cwd, recursive: true);
        }
    }

    [Fact]
    public async Task A_kill_9_gives_137_without_oom_killed()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--name", "limits-kill9",
                "--network", "none", "--memory", "32m", image, "sleep", "1000"));

            ModpodAssert.Exit(0, await modpod.RunAsync("kill", "-s", "KILL", "limits-kill9"));
            var wait = await modpod.RunAsync("wait", "limits-kill9");

            Assert.Equal("137", wait.Output);
            var state = await modpod.RunAsync("inspect", "--format", "{{.State.OOMKilled}} {{.State.ExitCode}}", "limits-kill9");
            Assert.Equal("false 137", state.Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "limits-kill9");
        }
    }
}
