using Docker.DotNet;
using Docker.DotNet.Models;
using Modular.Api.Tests.Docker;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.DockerDotNet.Tests;

/// <summary>
/// Docker.DotNet 3.125 against modpod-service on its own socket (Issue #10): what a .NET
/// program driving "Docker" through the library sees.
/// </summary>
[Collection(DockerDotNetCollection.Name)]
public sealed class DockerDotNetContainerTests(DockerServiceFixture service) : IDisposable
{
    private readonly DockerClient _docker =
        new DockerClientConfiguration(new Uri("unix://" + service.Socket)).CreateClient();

    [Fact]
    public async Task Created_container_starts_logs_reports_its_exit_code_and_is_removed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var created = await _docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = ModpodFixture.Busybox,
                Name = "dnet-lifecycle",
                Cmd = ["sh", "-c", "echo to-out; echo to-err >&2; exit 4"],
                Labels = new Dictionary<string, string> { ["suite"] = "dotnet" },
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            timeout.Token);
        try
        {
            await _docker.Containers.StartContainerAsync(
                created.ID, new ContainerStartParameters(), timeout.Token);
            var waited = await _docker.Containers.WaitContainerAsync(created.ID, timeout.Token);
            var inspected = await _docker.Containers.InspectContainerAsync(created.ID, timeout.Token);
            var (stdout, stderr) = await ReadLogsAsync(created.ID, timeout.Token);

            Assert.Equal(4, waited.StatusCode);
            Assert.Equal("/dnet-lifecycle", inspected.Name);
            Assert.Equal("exited", inspected.State.Status);
            Assert.Equal(4, inspected.State.ExitCode);
            Assert.Equal("dotnet", inspected.Config.Labels["suite"]);
            Assert.Equal(ModpodFixture.Busybox, inspected.Config.Image);
            Assert.Equal("to-out\n", stdout);
            Assert.Equal("to-err\n", stderr);
        }
        finally
        {
            await _docker.Containers.RemoveContainerAsync(
                created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }

        var listed = await _docker.Containers.ListContainersAsync(
            new ContainersListParameters { All = true }, timeout.Token);
        Assert.DoesNotContain(listed, c => c.ID == created.ID);
    }

    [Fact]
    public async Task Running_container_is_listed_with_its_labels_and_stopped_on_request()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await RunDetachedAsync("dnet-running", timeout.Token);
        try
        {
            var listed = await _docker.Containers.ListContainersAsync(
                new ContainersListParameters
                {
                    Filters = new Dictionary<string, IDictionary<string, bool>>
                    {
                        ["label"] = new Dictionary<string, bool> { ["suite=dotnet-run"] = true },
                    },
                },
                timeout.Token);
            var stopped = await _docker.Containers.StopContainerAsync(
                id, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, timeout.Token);
            var inspected = await _docker.Containers.InspectContainerAsync(id, timeout.Token);

            var entry = Assert.Single(listed);
            Assert.Equal(id, entry.ID);
            Assert.Equal("/dnet-running", Assert.Single(entry.Names));
            Assert.Equal("running", entry.State);
            Assert.True(stopped);
            Assert.False(inspected.State.Running);
        }
        finally
        {
            await _docker.Containers.RemoveContainerAsync(
                id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Exec_in_a_running_container_returns_output_and_exit_code()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await RunDetachedAsync("dnet-exec", timeout.Token);
        try
        {
            var exec = await _docker.Exec.ExecCreateContainerAsync(
                id,
                new ContainerExecCreateParameters
                {
                    Cmd = ["sh", "-c", "echo from-exec; exit 6"],
                    AttachStdout = true,
                    AttachStderr = true,
                },
                timeout.Token);
            using var stream = await _docker.Exec.StartAndAttachContainerExecAsync(
                exec.ID, tty: false, timeout.Token);
            var (stdout, _) = await stream.ReadOutputToEndAsync(timeout.Token);
            var inspected = await _docker.Exec.InspectContainerExecAsync(exec.ID, timeout.Token);

            Assert.Equal("from-exec\n", stdout);
            Assert.Equal(6, inspected.ExitCode);
            Assert.False(inspected.Running);
            Assert.Equal(id, inspected.ContainerID);
        }
        finally
        {
            await _docker.Containers.RemoveContainerAsync(
                id, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Image_list_shows_the_loaded_test_image()
    {
        var images = await _docker.Images.ListImagesAsync(new ImagesListParameters { All = true });

        var busybox = Assert.Single(images, i => i.RepoTags.Contains(ModpodFixture.Busybox));
        Assert.StartsWith("sha256:", busybox.ID);
        Assert.True(busybox.Size > 0);
    }

    [Fact]
    public async Task Missing_container_is_reported_as_not_found()
    {
        var error = await Assert.ThrowsAsync<DockerContainerNotFoundException>(
            () => _docker.Containers.InspectContainerAsync("dnet-absent"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    public void Dispose() => _docker.Dispose();

    private async Task<string> RunDetachedAsync(string name, CancellationToken cancellationToken)
    {
        var created = await _docker.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = ModpodFixture.Busybox,
                Name = name,
                Cmd = ["sleep", "300"],
                Labels = new Dictionary<string, string> { ["suite"] = "dotnet-run" },
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            cancellationToken);
        await _docker.Containers.StartContainerAsync(
            created.ID, new ContainerStartParameters(), cancellationToken);
        return created.ID;
    }

    private async Task<(string Stdout, string Stderr)> ReadLogsAsync(
        string id,
        CancellationToken cancellationToken)
    {
        using var logs = await _docker.Containers.GetContainerLogsAsync(
            id,
            tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true },
            cancellationToken);
        return await logs.ReadOutputToEndAsync(cancellationToken);
    }
}
