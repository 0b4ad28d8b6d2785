using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester findings 7, 15, 16, 18 and 22: stats and top refuse a container without a
/// cgroup, stats templates see Podman's raw fields, pod kill checks its signal first, pod
/// start exits 125, and joining a created container's namespace starts it first.
/// </summary>
[Collection(Collections.Containers)]
public sealed class StateFindingTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Stats_top_and_pause_refuse_a_container_without_a_cgroup()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = Unique("nocg");
        try
        {
            var id = (await modpod.RunAsync("run", "-d", "--name", name, "--network", "none", "--cgroups", "disabled",
                image, "sleep", "600")).Output;

            var stats = await modpod.RunAsync("stats", "--no-stream", name);
            var top = await modpod.RunAsync("top", name);
            var pause = await modpod.RunAsync("pause", name);
            var all = await modpod.RunAsync("stats", "--no-stream", "-a", "--format", "{{.Name}}");

            var expected = $"Error: cannot run top on container {id} as it did not create a cgroup: "
                + "this container does not have a cgroup";
            ModpodAssert.Exit(125, stats);
            Assert.Equal(expected, Assert.Single(stats.ErrorLines));
            ModpodAssert.Exit(125, top);
            Assert.Equal(expected, Assert.Single(top.ErrorLines));
            ModpodAssert.Exit(125, pause);
            Assert.Equal("Error: cannot pause without using Cgroups: this container does not have a cgroup",
                Assert.Single(pause.ErrorLines));
            Assert.DoesNotContain(name, all.Lines);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    [Fact]
    public async Task Stats_templates_see_podmans_raw_fields()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var name = Unique("raw");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("run", "-d", "--name", name, "--network", "none",
                image, "sleep", "600"));

            var result = await modpod.RunAsync("stats", "--no-stream", "--format",
                "table {{.AvgCPU}} {{.BlockInput}} {{.BlockOutput}} {{.CPUSystemNano}} {{.SystemNano}} {{.Duration}} {{.PIDs}}",
                name);

            ModpodAssert.Exit(0, result);
            Assert.Equal("AVG CPU BLOCK INPUT BLOCK OUTPUT CPU SYSTEM NANO SYSTEM NANO DURATION PI DS",
                string.Join(' ', result.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            Assert.Equal(7, result.Lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", name);
        }
    }

    [Fact]
    public async Task Joining_a_created_containers_namespaces_starts_it_first()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var holder = Unique("holder");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", holder, "--network", "none",
                image, "sleep", "600"));

            var joined = await modpod.RunAsync("run", "--rm", "--network", "none", "--pid", $"container:{holder}",
                "--ipc", $"container:{holder}", image, "sh", "-c", "ps -o args | grep -c '^sleep 600'");

            ModpodAssert.Exit(0, joined);
            Assert.Equal("1", joined.Output);
            Assert.Equal("running", (await modpod.RunAsync("inspect", "--format", "{{.State.Status}}", holder)).Output);
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", holder);
        }
    }

    [Fact]
    public async Task Pod_kill_checks_the_signal_first_and_pod_start_failures_exit_125()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var pod = Unique("pk");
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("pod", "create", "--infra=false", "--name", pod));
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--pod", pod, "--network", "none",
                image, "/no/such/command"));

            var kill = await modpod.RunAsync("pod", "kill", "-s", "FOO", pod);
            var start = await modpod.RunAsync("pod", "start", pod);

            ModpodAssert.Exit(125, kill);
            Assert.Equal("Error: invalid signal: FOO", Assert.Single(kill.ErrorLines));
            ModpodAssert.Exit(125, start);
        }
        finally
        {
            await modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
        }
    }

    private static string Unique(string stem) => $"sf-{stem}-{Guid.NewGuid().ToString("N")[..6]}";
}
