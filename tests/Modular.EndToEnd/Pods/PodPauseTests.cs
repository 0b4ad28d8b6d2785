using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 6: pod pause/unpause act on every container of the pod and the pod reports
/// Paused; rm -a and container prune leave a pod's infra to the pod, as Podman does.
/// </summary>
public sealed class PodPauseTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private const string Image = ModpodFixture.Busybox;

    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task Pod_pause_freezes_every_container_and_unpause_thaws_them()
    {
        var pod = Unique("pause");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--name", pod)).Output;
            var member = (await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300")).Output;
            var infra = await InfraAsync(pod);

            var paused = await Modpod.RunAsync("pod", "pause", pod);

            ModpodAssert.Exit(0, paused);
            Assert.Equal(id, paused.Output);
            Assert.Equal("Paused", await PodStatusAsync(pod));
            Assert.Equal("paused", await StateAsync(member));
            Assert.Equal("paused", await StateAsync(infra));
            var stats = await Modpod.RunAsync("pod", "stats", "--no-stream", "--format", "{{.CID}} {{.PIDS}}", pod);
            Assert.Equal(2, stats.Lines.Count);
            Assert.All(stats.Lines, line => Assert.EndsWith(" 1", line));

            var unpaused = await Modpod.RunAsync("pod", "unpause", pod);

            ModpodAssert.Exit(0, unpaused);
            Assert.Equal(id, unpaused.Output);
            Assert.Equal("Running", await PodStatusAsync(pod));
            Assert.Equal("running", await StateAsync(member));
            Assert.Equal("running", await StateAsync(infra));

            var again = await Modpod.RunAsync("pod", "unpause", pod);

            ModpodAssert.Exit(0, again);
            Assert.Equal("", again.Output);
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task A_paused_pod_is_neither_pruned_nor_removed_without_force_and_stops()
    {
        var pod = Unique("frozen");
        try
        {
            var id = (await Modpod.RunAsync("pod", "create", "--name", pod)).Output;
            await Modpod.RunAsync("run", "-d", "--pod", pod, Image, "sleep", "300");
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "pause", pod));

            var pruned = await Modpod.RunAsync("pod", "prune", "-f");
            var removed = await Modpod.RunAsync("pod", "rm", pod);

            Assert.DoesNotContain(id, pruned.Lines);
            Assert.NotEqual(0, removed.ExitCode);
            Assert.Contains("running or paused containers cannot be removed without force", removed.StandardError);

            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "stop", "-t", "0", pod));
            Assert.NotEqual("Paused", await PodStatusAsync(pod));
            ModpodAssert.Exit(0, await Modpod.RunAsync("pod", "rm", pod));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    [Fact]
    public async Task Pod_pause_of_a_missing_pod_fails_with_podmans_error()
    {
        var result = await Modpod.RunAsync("pod", "pause", "no-such-pod-" + fixture.BridgePrefix);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("Error: no pod with name or ID no-such-pod-", result.ErrorLines[0]);
        Assert.EndsWith("found: no such pod", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Rm_all_and_container_prune_leave_the_infra_to_its_pod()
    {
        var pod = Unique("keep");
        try
        {
            await Modpod.RunAsync("pod", "create", "--name", pod);
            var member = (await Modpod.RunAsync("create", "--pod", pod, Image, "true")).Output;
            var infra = await InfraAsync(pod);

            var pruned = await Modpod.RunAsync("container", "prune", "-f");

            ModpodAssert.Exit(0, pruned);
            Assert.Contains(member, pruned.Lines);
            Assert.DoesNotContain(infra, pruned.Lines);

            await Modpod.RunAsync("create", "--pod", pod, Image, "true");
            var removed = await Modpod.RunAsync("rm", "-a");

            ModpodAssert.Exit(0, removed);
            Assert.Empty(removed.ErrorLines);
            Assert.DoesNotContain(infra, removed.Lines);
            ModpodAssert.Exit(0, await Modpod.RunAsync("container", "exists", infra));
        }
        finally
        {
            await RemovePodAsync(pod);
        }
    }

    private async Task<string> InfraAsync(string pod) =>
        JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)![0]!["InfraContainerID"]!.ToString();

    private async Task<string> PodStatusAsync(string pod)
    {
        var inspect = JsonNode.Parse((await Modpod.RunAsync("pod", "inspect", pod)).Output)![0]!;
        var listed = await Modpod.RunAsync("pod", "ps", "--filter", $"name={pod}", "--format", "{{.Status}}");
        Assert.Equal((string?)inspect["State"], listed.Output);
        return listed.Output;
    }

    private async Task<string> StateAsync(string container) =>
        (await Modpod.RunAsync("inspect", "--format", "{{.State.Status}}", container)).Output;

    private string Unique(string stem) => $"{stem}-{fixture.BridgePrefix}-{Guid.NewGuid().ToString("N")[..6]}";

    private Task<ModpodResult> RemovePodAsync(string pod) =>
        Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "--ignore", pod);
}
