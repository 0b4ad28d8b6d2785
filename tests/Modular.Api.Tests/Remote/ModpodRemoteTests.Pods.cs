using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Pods, events and rmi -f through the remote client.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Pod_create_ps_inspect_stop_and_rm_match_the_local_commands()
    {
        var create = await RemoteAsync(
            "pod", "create", "--name", "remote-pod", "--label", "kind=remote", "--network", "none");
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = create.Output;

        var run = await RemoteAsync(
            "run", "-d", "--pod", "remote-pod", "--name", "remote-pod-member", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(run.ExitCode == 0, run.ToString());
        await AssertSameAsync("pod", "ps", "--format", "{{.ID}} {{.Name}} {{.Status}} {{.NumberOfContainers}} {{.Labels}}");
        await AssertSameAsync("pod", "inspect", "--format", "{{.Name}} {{.State}} {{.NumContainers}}", "remote-pod");
        await AssertSameAsync("ps", "-a", "--pod", "--format", "{{.Names}} {{.PodName}}");
        Assert.Equal(0, (await RemoteAsync("pod", "exists", "remote-pod")).ExitCode);
        Assert.Equal(1, (await RemoteAsync("pod", "exists", "no-such-remote-pod")).ExitCode);

        var stop = await RemoteAsync("pod", "stop", "-t", "0", "remote-pod");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal(id, stop.Output);
        await AssertSameAsync("pod", "ps", "--format", "{{.Name}} {{.Status}}");

        var rm = await RemoteAsync("pod", "rm", "remote-pod");
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal(id, rm.Output);
        Assert.False(await Store.ContainerExistsAsync("remote-pod-member"));
    }

    [Fact]
    public async Task Events_without_stream_match_the_local_command()
    {
        var run = await RemoteAsync("create", "--name", "remote-events", "--network", "none", ModpodFixture.Busybox);
        Assert.True(run.ExitCode == 0, run.ToString());

        string[] events = ["events", "--stream=false", "--since", "10m", "--filter", "container=remote-events"];
        await AssertSameAsync([.. events, "--format", "{{.Type}} {{.Status}} {{.Name}} {{.Image}}"]);
        await AssertSameAsync(events);
        await Store.RunAsync("rm", "remote-events");
    }

    [Fact]
    public async Task Rmi_force_removes_the_image_and_its_containers()
    {
        var tag = await Store.RunAsync("tag", ModpodFixture.Busybox, "localhost/remote-rmi:1");
        Assert.True(tag.ExitCode == 0, tag.ToString());
        var id = (await Store.RunAsync("image", "inspect", "--format", "{{.Id}}", ModpodFixture.Busybox)).Output;
        await Store.RunAsync("create", "--name", "remote-rmi-user", "--network", "none", "localhost/remote-rmi:1");

        var rmi = await RemoteAsync("rmi", "-f", "localhost/remote-rmi:1");

        Assert.True(rmi.ExitCode == 0, rmi.ToString());
        Assert.Equal("Untagged: localhost/remote-rmi:1", rmi.Output);
        Assert.Equal(id, (await Store.RunAsync("image", "inspect", "--format", "{{.Id}}", ModpodFixture.Busybox)).Output);
        Assert.True(await Store.ContainerExistsAsync("remote-rmi-user"));
        await Store.RunAsync("rm", "remote-rmi-user");
    }
}
