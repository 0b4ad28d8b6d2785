using Docker.DotNet;
using Docker.DotNet.Models;
using Modular.Api.Tests.Docker;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.DockerDotNet.Tests;

/// <summary>POST /containers/prune through Docker.DotNet, with Docker's label filter.</summary>
[Collection(DockerDotNetCollection.Name)]
public sealed class DockerDotNetPruneTests(DockerServiceFixture service) : IDisposable
{
    private readonly DockerClient _docker =
        new DockerClientConfiguration(new Uri("unix://" + service.Socket)).CreateClient();

    [Fact]
    public async Task Prune_by_label_removes_only_the_matching_stopped_container()
    {
        var doomed = await CreateAsync("dnet-prune-me", "prune=yes");
        var kept = await CreateAsync("dnet-prune-keep", "prune=no");
        try
        {
            var pruned = await _docker.Containers.PruneContainersAsync(new ContainersPruneParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { ["prune=yes"] = true },
                },
            });
            var left = await _docker.Containers.ListContainersAsync(
                new ContainersListParameters { All = true });

            Assert.Equal([doomed], pruned.ContainersDeleted);
            Assert.Contains(left, c => c.ID == kept);
            Assert.DoesNotContain(left, c => c.ID == doomed);
        }
        finally
        {
            foreach (var id in new[] { doomed, kept })
            {
                await service.Modpod.RunAsync("rm", "-f", "-t", "0", id);
            }
        }
    }

    public void Dispose() => _docker.Dispose();

    private async Task<string> CreateAsync(string name, string label)
    {
        var (key, value) = (label.Split('=')[0], label.Split('=')[1]);
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = ModpodFixture.Busybox,
            Name = name,
            Cmd = ["true"],
            Labels = new Dictionary<string, string> { [key] = value },
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        return created.ID;
    }
}
