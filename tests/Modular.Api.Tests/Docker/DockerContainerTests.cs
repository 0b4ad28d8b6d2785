using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>The docker CLI's container commands against modpod-service (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerContainerTests(DockerServiceFixture service)
{
    private const string Image = ModpodFixture.Busybox;

    [Fact]
    public async Task RunRemovePrintsOutputAndExitCode()
    {
        var hi = await service.DockerAsync("run", "--rm", "--network", "none", Image, "echo", "hi");
        Assert.True(hi.ExitCode == 0, hi.StandardError);
        Assert.Equal("hi\n", hi.StandardOutput);

        var failing = await service.DockerAsync(
            "run", "--rm", "--network", "none", Image, "sh", "-c", "echo oops >&2; exit 3");
        Assert.Equal(3, failing.ExitCode);
        Assert.Contains("oops", failing.StandardError);
    }

    [Fact]
    public async Task RunInteractiveForwardsStdinUntilEof()
    {
        var result = await service.DockerWithInputAsync(
            "piped line\n", "run", "-i", "--rm", "--network", "none", Image, "cat");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("piped line\n", result.StandardOutput);
    }

    [Fact]
    public async Task DetachedContainerListsLogsInspectsStopsAndRemoves()
    {
        var run = await service.DockerAsync(
            "run", "-d", "--network", "none", "--name", "apid-detached", "-l", "tier=web",
            Image, "sh", "-c", "echo out; echo err >&2; sleep 300");
        Assert.True(run.ExitCode == 0, run.StandardError);

        var ps = await service.DockerAsync("ps", "--filter", "label=tier=web", "--format", "{{.Names}} {{.State}}");
        Assert.Equal("apid-detached running\n", ps.StandardOutput);

        var logs = await WaitForLogsAsync("apid-detached");
        Assert.Equal("out\n", logs.StandardOutput);
        Assert.Equal("err\n", logs.StandardError);

        var inspect = await service.DockerAsync("inspect", "apid-detached");
        Assert.True(inspect.ExitCode == 0, inspect.StandardError);
        var json = JsonNode.Parse(inspect.StandardOutput)![0]!;
        Assert.Equal("/apid-detached", json["Name"]!.GetValue<string>());
        Assert.Equal("web", json["Config"]!["Labels"]!["tier"]!.GetValue<string>());
        Assert.Null(json["State"]!["Health"]);

        Assert.Equal(0, (await service.DockerAsync("stop", "-t", "1", "apid-detached")).ExitCode);
        var stopped = await service.DockerAsync("ps", "-a", "--filter", "name=apid-detached", "--format", "{{.State}}");
        Assert.Equal("exited\n", stopped.StandardOutput);
        Assert.Equal(0, (await service.DockerAsync("rm", "apid-detached")).ExitCode);
        var gone = await service.DockerAsync("inspect", "apid-detached");
        Assert.NotEqual(0, gone.ExitCode);
    }

    [Fact]
    public async Task MissingImageIsNotPulledByCreate()
    {
        var result = await service.DockerAsync("create", "localhost/apid-missing:1");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error", result.StandardError);
    }

    private async Task<ModpodResult> WaitForLogsAsync(string name)
    {
        for (var i = 0; ; i++)
        {
            var logs = await service.DockerAsync("logs", name);
            if ((logs.StandardOutput.Length > 0 && logs.StandardError.Length > 0) || i == 50)
            {
                return logs;
            }

            await Task.Delay(100);
        }
    }
}
