using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Remote;

/// <summary>Remote refusals that must end as the local ones: same Error line, same exit code.</summary>
public sealed partial class ModpodRemoteTests
{
    [Fact]
    public async Task Attach_to_an_exited_container_is_refused_as_locally()
    {
        var run = await Store.RunAsync("run", "--name", "fxa-exited", "--network", "none", ModpodFixture.Busybox, "true");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var remote = RemoteAsync("attach", "fxa-exited");
            Assert.Same(remote, await Task.WhenAny(remote, Task.Delay(Timeout.Infinite, timeout.Token)));

            await AssertSameFailureAsync("attach", "fxa-exited");
            Assert.Equal(125, (await remote).ExitCode);
            Assert.Equal("Error: you can only attach to running containers", (await remote).StandardError.Trim());
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "fxa-exited");
        }
    }

    [Fact]
    public async Task Rm_of_a_running_container_exits_2_as_locally()
    {
        await RunSleeperAsync("fxa-running");
        try
        {
            await AssertSameFailureAsync("rm", "fxa-running");
            Assert.Equal(2, (await RemoteAsync("rm", "fxa-running")).ExitCode);
            Assert.True(await Store.ContainerExistsAsync("fxa-running"));
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "-t", "0", "fxa-running");
        }
    }

    [Fact]
    public async Task Rmi_and_volume_rm_of_objects_in_use_exit_as_locally()
    {
        var volume = await Store.RunAsync("volume", "create", "fxa-used");
        Assert.True(volume.ExitCode == 0, volume.ToString());
        var run = await Store.RunAsync(
            "create", "--name", "fxa-user", "--network", "none", "-v", "fxa-used:/data", ModpodFixture.Busybox, "true");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            await AssertSameFailureAsync("rmi", ModpodFixture.Busybox);
            await AssertSameFailureAsync("volume", "rm", "fxa-used");
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "fxa-user");
            await Store.RunAsync("volume", "rm", "-f", "fxa-used");
        }
    }
}
