using System.Formats.Tar;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// docker rename, diff, export, pause and unpause through the service, and the same routes
/// in Podman's tree (Issue #10).
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerContainerChangeTests(DockerServiceFixture service)
{
    private const string Image = ModpodFixture.Busybox;

    [Fact]
    public async Task DockerRenameRenamesAndRefusesATakenName()
    {
        await RunAsync("apichg-old", "sleep", "300");
        await RunAsync("apichg-taken", "sleep", "300");
        try
        {
            var rename = await service.DockerAsync("rename", "apichg-old", "apichg-new");
            var taken = await service.DockerAsync("rename", "apichg-new", "apichg-taken");

            Assert.True(rename.ExitCode == 0, rename.StandardError);
            Assert.True(await service.Modpod.ContainerExistsAsync("apichg-new"));
            Assert.False(await service.Modpod.ContainerExistsAsync("apichg-old"));
            Assert.NotEqual(0, taken.ExitCode);
            Assert.Contains("already in use", taken.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apichg-old", "apichg-new", "apichg-taken");
        }
    }

    [Fact]
    public async Task DockerDiffListsAddedChangedAndDeletedPaths()
    {
        await RunAsync("apichg-diff", "sh", "-c", "touch /tmp/added; rm /bin/ls; sleep 300");
        try
        {
            // The rm runs after the touch: wait for its line, not the first one.
            var diff = await WaitForDiffAsync("apichg-diff", "D /bin/ls");

            Assert.Contains("A /tmp/added\n", diff.StandardOutput);
            Assert.Contains("D /bin/ls\n", diff.StandardOutput);
            Assert.Contains("C /tmp\n", diff.StandardOutput);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apichg-diff");
        }
    }

    [Fact]
    public async Task DockerPauseAndUnpauseChangeTheContainersState()
    {
        await RunAsync("apichg-pause", "sleep", "300");
        try
        {
            var pause = await service.DockerAsync("pause", "apichg-pause");
            var paused = await service.DockerAsync("inspect", "-f", "{{.State.Status}}", "apichg-pause");
            var again = await service.DockerAsync("pause", "apichg-pause");
            var unpause = await service.DockerAsync("unpause", "apichg-pause");
            var running = await service.DockerAsync("inspect", "-f", "{{.State.Status}}", "apichg-pause");

            Assert.True(pause.ExitCode == 0, pause.StandardError);
            Assert.Equal("paused", paused.StandardOutput.Trim());
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already paused", again.StandardError);
            Assert.True(unpause.ExitCode == 0, unpause.StandardError);
            Assert.Equal("running", running.StandardOutput.Trim());
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apichg-pause");
        }
    }

    [Fact]
    public async Task DockerExportWritesTheContainersFileSystemAsATar()
    {
        await RunAsync("apichg-export", "sh", "-c", "echo exported > /tmp/marker; sleep 300");
        var tar = Path.Combine(service.Modpod.Directory, "apichg-export.tar");
        try
        {
            await WaitForDiffAsync("apichg-export", "A /tmp/marker");
            var export = await service.DockerAsync("export", "-o", tar, "apichg-export");
            var missing = await service.DockerAsync("export", "-o", tar + ".x", "apichg-nosuch");

            Assert.True(export.ExitCode == 0, export.StandardError);
            Assert.Contains("tmp/marker", await EntryNamesAsync(tar));
            Assert.Contains("bin/busybox", await EntryNamesAsync(tar));
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("no such container", missing.StandardError);
        }
        finally
        {
            File.Delete(tar);
            await service.DockerAsync("rm", "-f", "apichg-export");
        }
    }

    [Fact]
    public async Task LibpodTreeRenamesAndListsChanges()
    {
        await RunAsync("apichg-lp", "sh", "-c", "touch /tmp/lp; sleep 300");
        using var http = new UnixHttp(service.Socket);
        try
        {
            await WaitForDiffAsync("apichg-lp", "A /tmp/lp");
            var (renamed, _) = await http.SendAsync(
                HttpMethod.Post, "/v5.0.0/libpod/containers/apichg-lp/rename?name=apichg-lp2");
            var (status, changes) = await http.SendAsync(
                HttpMethod.Get, "/v5.0.0/libpod/containers/apichg-lp2/changes?diffType=container");
            var (bad, error) = await http.SendAsync(
                HttpMethod.Get, "/v5.0.0/libpod/containers/apichg-lp2/changes?diffType=other");

            Assert.Equal(204, renamed);
            Assert.Equal(200, status);
            Assert.Contains(changes!.AsArray(), c =>
                c!["Path"]!.GetValue<string>() == "/tmp/lp" && c["Kind"]!.GetValue<int>() == 1);
            Assert.Equal(400, bad);
            Assert.Equal("invalid diffType value \"other\"", error!["message"]!.GetValue<string>());
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apichg-lp", "apichg-lp2");
        }
    }

    [Fact]
    public async Task DockerRunWithATerminalStartsAtTheClientsTerminalSize()
    {
        // script gives docker a terminal; stty sets its size before docker reads it.
        var command = $"stty rows 33 cols 111; {DockerServiceFixture.DockerCli} run -it --rm {Image} stty size";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await Cli.Wrap("script")
            .WithArguments(["-qec", command, "/dev/null"])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["DOCKER_HOST"] = "unix://" + service.Socket,
                ["DOCKER_CONFIG"] = Path.Combine(service.Modpod.Directory, "docker-config"),
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);

        Assert.Contains("33 111", result.StandardOutput);
    }

    private async Task RunAsync(string name, params string[] command)
    {
        var run = await service.DockerAsync(
            ["run", "-d", "--network", "none", "--name", name, Image, .. command]);
        Assert.True(run.ExitCode == 0, run.StandardError);
    }

    // The container's first command runs just after `run -d` answers: poll its diff (a
    // condition, not a timing) until the file it makes is there.
    private async Task<ModpodResult> WaitForDiffAsync(string name, string line)
    {
        var diff = await service.DockerAsync("diff", name);
        for (var i = 0; i < 100 && !diff.StandardOutput.Contains(line, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            diff = await service.DockerAsync("diff", name);
        }

        Assert.True(diff.ExitCode == 0, diff.StandardError);
        return diff;
    }

    private static async Task<List<string>> EntryNamesAsync(string tar)
    {
        var names = new List<string>();
        await using var file = File.OpenRead(tar);
        using var reader = new TarReader(file);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
        }

        return names;
    }
}
