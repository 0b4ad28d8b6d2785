using System.Diagnostics;
using Modular.EndToEnd.Fixtures;
using Modular.EndToEnd.Pods;
using Xunit;

namespace Modular.EndToEnd.Findings;

/// <summary>
/// Issue 6 tester findings 10 and 19: pod rm takes its members' anonymous volumes (named ones
/// stay), and removing a paused pod or container kills it at once instead of waiting out a
/// stop timeout its frozen processes could never honour.
/// </summary>
public sealed class PodRemovalFindingTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_rm_removes_anonymous_volumes_and_keeps_named_ones()
    {
        var pod = Unique("vol");
        var named = Unique("keep");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            var member = (await Modpod.RunAsync("create", "--pod", pod, "-v", "/anon", "-v", $"{named}:/named",
                Image, "true")).Output;
            var anonymous = (await Modpod.RunAsync("inspect", "--format",
                "{{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}}", member)).Output;
            Assert.NotEqual("", anonymous);

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", pod));

            ModpodAssert.Exit(1, await Modpod.RunAsync("volume", "exists", anonymous));
            ModpodAssert.Exit(0, await Modpod.RunAsync("volume", "exists", named));
        }
        finally
        {
            await RemovePodAsync(pod);
            await Modpod.RunAsync("volume", "rm", "-f", named);
        }
    }

    [Fact]
    public async Task Removing_a_paused_pod_or_container_does_not_wait_the_stop_timeout()
    {
        var pod = Unique("frozen");
        var alone = Unique("alone");
        try
        {
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "create", "--name", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--pod", pod, "--stop-timeout", "20",
                Image, "sleep", "600"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("run", "-d", "--name", alone, "--network", "none",
                "--stop-timeout", "20", Image, "sleep", "600"));
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "pause", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("pause", alone));

            var clock = Stopwatch.StartNew();
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", "-f", pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("rm", "-f", alone));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
            ModpodAssert.Exit(1, await Modpod.RunAsync("pod", "exists", pod));
            ModpodAssert.Exit(1, await Modpod.RunAsync("container", "exists", alone));
        }
        finally
        {
            await RemovePodAsync(pod);
            await Modpod.RunAsync("rm", "-f", "-t", "0", "--ignore", alone);
        }
    }

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
