using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// Debian's python3-docker (5.0.3, /usr/lib/python3/dist-packages; the pip copy elsewhere
/// on the machine is kept out by PYTHONPATH and the version check) against the service.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class PythonDockerTests(DockerServiceFixture service)
{
    private const string Script = """
        import sys
        import docker

        assert docker.__version__ == "5.0.3", docker.__version__
        assert docker.__file__.startswith("/usr/lib/python3/dist-packages/"), docker.__file__
        client = docker.DockerClient(base_url="unix://" + sys.argv[1])
        image = sys.argv[2]
        tags = [tag for found in client.images.list() for tag in found.tags]
        print("image listed", image in tags)

        pool = docker.types.IPAMPool(subnet="10.215.8.0/24")
        network = client.networks.create(
            "apinet-py", driver="bridge", labels={"by": "python"},
            ipam=docker.types.IPAMConfig(pool_configs=[pool]))
        volume = client.volumes.create("apinet-pyvol", labels={"by": "python"})
        try:
            container = client.containers.run(
                image, ["sh", "-c", "echo from python; echo kept > /v/f; exit 7"],
                detach=True, network="apinet-py", labels={"by": "python"},
                volumes={"apinet-pyvol": {"bind": "/v", "mode": "rw"}})
            print("exit", container.wait()["StatusCode"])
            print("logs", container.logs().decode().strip())
            container.reload()
            print("label", container.labels["by"])
            container.remove()
        finally:
            volume.remove()
            network.remove()
        print("networks left", [n.name for n in client.networks.list(names=["apinet-py"])])
        print("volumes left", [v.name for v in client.volumes.list(filters={"name": "apinet-pyvol"})])
        """;

    [Fact]
    public async Task PythonDockerRunsWaitsLogsAndRemoves()
    {
        var script = Path.Combine(service.Modpod.Directory, "python-docker.py");
        await File.WriteAllTextAsync(script, Script);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await Cli.Wrap("/usr/bin/python3")
            .WithArguments([script, service.Socket, ModpodFixture.Busybox])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["PYTHONPATH"] = "/usr/lib/python3/dist-packages",
                ["DOCKER_CONFIG"] = Path.Combine(service.Modpod.Directory, "docker-config"),
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(
            "image listed True\nexit 7\nlogs from python\nlabel python\nnetworks left []\nvolumes left []\n",
            result.StandardOutput);
    }
}
