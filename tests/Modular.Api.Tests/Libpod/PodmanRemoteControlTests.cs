using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 drives the routes added for the day-two verbs:
/// /libpod/containers/{name}/healthcheck and /libpod/pods/prune.
/// </summary>
public sealed class PodmanRemoteControlTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task HealthcheckRunPassesAndFailsAsPodmanReportsIt()
    {
        var run = await Store.RunAsync(
            "run", "-d", "--name", "podman-health", "--network", "none", "--health-cmd", "true",
            ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());

        var healthy = await service.PodmanAsync("healthcheck", "run", "podman-health");
        var missing = await service.PodmanAsync("healthcheck", "run", "podman-no-such-health");

        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        Assert.Equal("", healthy.Output);
        Assert.Equal(125, missing.ExitCode);
        Assert.Contains("no container with name or ID", missing.StandardError);
        await Store.RunAsync("rm", "-f", "-t", "0", "podman-health");
    }

    [Fact]
    public async Task PodPruneRemovesThePodsWithoutRunningContainers()
    {
        var pod = await Store.RunAsync("pod", "create", "--name", "podman-prune-pod", "--network", "none");
        Assert.True(pod.ExitCode == 0, pod.ToString());

        var prune = await service.PodmanAsync("pod", "prune", "-f");

        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains(pod.Output, prune.Lines);
        Assert.Equal(1, (await Store.RunAsync("pod", "exists", "podman-prune-pod")).ExitCode);
    }

    [Fact]
    public async Task PauseTopAndStatsWork()
    {
        var run = await Store.RunAsync(
            "run", "-d", "--name", "podman-ctl", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());

        var pause = await service.PodmanAsync("pause", "podman-ctl");
        var unpause = await service.PodmanAsync("unpause", "podman-ctl");
        var top = await service.PodmanAsync("top", "podman-ctl", "pid", "args");
        var stats = await service.PodmanAsync("stats", "--no-stream", "--format", "{{.Name}}", "podman-ctl");

        Assert.True(pause.ExitCode == 0, pause.ToString());
        Assert.True(unpause.ExitCode == 0, unpause.ToString());
        Assert.Equal((await Store.RunAsync("top", "podman-ctl", "pid", "args")).Output, top.Output);
        Assert.Equal("podman-ctl", stats.Output);
        await Store.RunAsync("rm", "-f", "-t", "0", "podman-ctl");
    }
}
