using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 against modpod's socket prints what modpod prints locally
/// for the same store (IDs and ages aside), for the core commands.
/// </summary>
public sealed class PodmanRemoteTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task VersionNamesTheServer()
    {
        var result = await service.PodmanAsync("version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Server:", result.StandardOutput);
        Assert.Contains("API Version:  5.0.0", result.StandardOutput);
    }

    [Fact]
    public async Task InfoAndImagesMatchTheLocalCommand()
    {
        Assert.Equal(0, (await service.PodmanAsync("info")).ExitCode);
        await AssertSameAsync(["images"], ["images"]);
        await AssertSameAsync(["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"],
            ["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]);
    }

    [Fact]
    public async Task RunPrintsOutputAndReturnsTheExitCode()
    {
        var hi = await service.PodmanAsync("run", "--rm", "--network", "none", ModpodFixture.Busybox, "echo", "hi");
        var three = await service.PodmanAsync(
            "run", "--rm", "--network", "none", ModpodFixture.Busybox, "sh", "-c", "echo err >&2; exit 3");

        Assert.True(hi.ExitCode == 0, hi.ToString());
        Assert.Equal("hi", hi.Output);
        Assert.Equal(3, three.ExitCode);
        Assert.Equal("err", three.StandardError.Trim());
    }

    [Fact]
    public async Task DetachedContainerLifecycle()
    {
        var run = await service.PodmanAsync(
            "run", "-d", "--name", "remote-life", "--network", "none", ModpodFixture.Busybox,
            "sh", "-c", "echo started; sleep 100");
        Assert.True(run.ExitCode == 0, run.ToString());

        await AssertSameAsync(["ps", "--format", "{{.Names}} {{.Image}} {{.Command}}"],
            ["ps", "--format", "{{.Names}} {{.Image}} {{.Command}}"]);
        var exec = await service.PodmanAsync("exec", "remote-life", "sh", "-c", "echo in; exit 4");
        Assert.Equal(4, exec.ExitCode);
        Assert.Equal("in", exec.Output);
        await AssertSameAsync(["logs", "remote-life"], ["logs", "remote-life"]);
        var inspect = await service.PodmanAsync("inspect", "--format", "{{.State.Status}}", "remote-life");
        Assert.Equal("running", inspect.Output);

        Assert.Equal(0, (await service.PodmanAsync("kill", "remote-life")).ExitCode);
        Assert.Equal("137", (await service.PodmanAsync("wait", "remote-life")).Output);
        Assert.Equal(0, (await service.PodmanAsync("rm", "-f", "remote-life")).ExitCode);
        Assert.False(await Store.ContainerExistsAsync("remote-life"));
    }

    [Fact]
    public async Task CreateStartStop()
    {
        var create = await service.PodmanAsync(
            "create", "--name", "remote-created", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(create.ExitCode == 0, create.ToString());

        Assert.Equal("remote-created", (await service.PodmanAsync("start", "remote-created")).Output);
        Assert.Equal(0, (await service.PodmanAsync("stop", "-t", "0", "remote-created")).ExitCode);
        var state = await Store.RunAsync("inspect", "--format", "{{.State.Status}}", "remote-created");
        Assert.Equal("exited", state.Output);
        Assert.Equal(0, (await service.PodmanAsync("rm", "remote-created")).ExitCode);
    }

    [Fact]
    public async Task MissingContainerIsReportedAsPodmanDoes()
    {
        var result = await service.PodmanAsync("inspect", "--type", "container", "remote-nonesuch");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no such container", result.StandardError);
    }

    [Fact]
    public async Task TagAndRemoveImage()
    {
        Assert.Equal(0, (await service.PodmanAsync("tag", ModpodFixture.Busybox, "localhost/remote-tag:1")).ExitCode);
        Assert.Equal(0, (await Store.RunAsync("image", "exists", "localhost/remote-tag:1")).ExitCode);

        var rmi = await service.PodmanAsync("rmi", "localhost/remote-tag:1");

        Assert.Equal("Untagged: localhost/remote-tag:1", rmi.Output);
        Assert.NotEqual(0, (await Store.RunAsync("image", "exists", "localhost/remote-tag:1")).ExitCode);
    }

    [Fact]
    public async Task VolumesNetworksAndPods()
    {
        Assert.Equal("remote-vol", (await service.PodmanAsync("volume", "create", "remote-vol")).Output);
        await AssertSameAsync(["volume", "ls"], ["volume", "ls"]);
        Assert.Equal("remote-vol", (await service.PodmanAsync("volume", "rm", "remote-vol")).Output);

        var net = await service.PodmanAsync("network", "create", "--subnet", "10.231.7.0/24", "remote-net");
        Assert.Equal("remote-net", net.Output);
        await AssertSameAsync(["network", "ls"], ["network", "ls"]);
        Assert.Equal("remote-net", (await service.PodmanAsync("network", "rm", "remote-net")).Output);

        var pod = await service.PodmanAsync("pod", "create", "--name", "remote-pod");
        Assert.True(pod.ExitCode == 0, pod.ToString());
        await AssertSameAsync(["pod", "ps", "--format", "{{.Name}} {{.Status}} {{.NumberOfContainers}}"],
            ["pod", "ps", "--format", "{{.Name}} {{.Status}} {{.NumberOfContainers}}"]);
        Assert.Equal(0, (await service.PodmanAsync("pod", "rm", "remote-pod")).ExitCode);
    }

    private async Task AssertSameAsync(string[] remote, string[] local)
    {
        var theirs = await service.PodmanAsync(remote);
        var ours = await Store.RunAsync(local);

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.Equal(ours.StandardOutput, theirs.StandardOutput);
    }
}
