using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// Removing, filtering and reconnecting networks through Docker's tree, answered as
/// Podman's compat handlers answer (Issue #10).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerNetworkUseTests(DockerServiceFixture service)
{
    private const string Image = ModpodFixture.Busybox;

    [Fact]
    public async Task RemovingANetworkInUseFailsAndNamesTheReason()
    {
        await CreateNetworkAsync("apiuse-a", "10.214.4.0/24");
        var run = await service.DockerAsync(
            "run", "-d", "--name", "apiuse-user", "--network", "apiuse-a", Image, "sleep", "300");
        Assert.True(run.ExitCode == 0, run.StandardError);
        try
        {
            var refused = await service.DockerAsync("network", "rm", "apiuse-a");
            var missing = await service.DockerAsync("network", "rm", "apiuse-nosuch");

            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains(
                "\"apiuse-a\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used",
                refused.StandardError);
            Assert.Equal(0, (await service.DockerAsync("network", "inspect", "apiuse-a")).ExitCode);
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("network not found", missing.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apiuse-user");
            await service.DockerAsync("network", "rm", "apiuse-a");
        }
    }

    [Fact]
    public async Task NetworkListFiltersByTypeAndScope()
    {
        await CreateNetworkAsync("apiuse-b", "10.214.5.0/24");
        try
        {
            var custom = await NamesAsync("type=custom");
            var builtin = await NamesAsync("type=builtin");
            var local = await NamesAsync("scope=local");
            var swarm = await NamesAsync("scope=swarm");
            var invalid = await service.DockerAsync("network", "ls", "--filter", "type=other");

            Assert.Contains("apiuse-b", custom);
            Assert.DoesNotContain("bridge", custom);
            Assert.Equal(["bridge"], builtin);
            Assert.Contains("apiuse-b", local);
            Assert.Contains("bridge", local);
            Assert.Empty(swarm);
            Assert.NotEqual(0, invalid.ExitCode);
            Assert.Contains("invalid filter: 'type'='other'", invalid.StandardError);
        }
        finally
        {
            await service.DockerAsync("network", "rm", "apiuse-b");
        }
    }

    [Fact]
    public async Task ConnectingAStoppedContainerAgainIsANoOpButARunningOneIsRefused()
    {
        await CreateNetworkAsync("apiuse-c", "10.214.6.0/24");
        var create = await service.DockerAsync("create", "--name", "apiuse-conn", Image, "sleep", "300");
        Assert.True(create.ExitCode == 0, create.StandardError);
        try
        {
            var first = await service.DockerAsync("network", "connect", "apiuse-c", "apiuse-conn");
            var again = await service.DockerAsync("network", "connect", "apiuse-c", "apiuse-conn");
            var start = await service.DockerAsync("start", "apiuse-conn");
            var running = await service.DockerAsync("network", "connect", "apiuse-c", "apiuse-conn");

            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.True(again.ExitCode == 0, again.StandardError);
            Assert.True(start.ExitCode == 0, start.StandardError);
            Assert.NotEqual(0, running.ExitCode);
            Assert.Contains("network is already connected", running.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apiuse-conn");
            await service.DockerAsync("network", "rm", "apiuse-c");
        }
    }

    private async Task CreateNetworkAsync(string name, string subnet)
    {
        var create = await service.DockerAsync("network", "create", "--subnet", subnet, name);
        Assert.True(create.ExitCode == 0, create.StandardError);
    }

    private async Task<string[]> NamesAsync(string filter)
    {
        var ls = await service.DockerAsync("network", "ls", "--filter", filter, "--format", "{{.Name}}");
        Assert.True(ls.ExitCode == 0, ls.StandardError);
        return ls.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
