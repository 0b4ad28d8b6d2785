using System.Text.Json.Nodes;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>The docker CLI's volume commands (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerVolumeTests(DockerServiceFixture service)
{
    [Fact]
    public async Task VolumeCreateListInspectAndRemove()
    {
        var create = await service.DockerAsync("volume", "create", "--label", "owner=apinet", "apinet-vol");
        Assert.True(create.ExitCode == 0, create.StandardError);
        Assert.Equal("apinet-vol\n", create.StandardOutput);
        try
        {
            var ls = await service.DockerAsync(
                "volume", "ls", "--filter", "label=owner=apinet", "--format", "{{.Driver}} {{.Name}}");
            Assert.Equal("local apinet-vol\n", ls.StandardOutput);

            var inspect = await service.DockerAsync("volume", "inspect", "apinet-vol");
            var json = JsonNode.Parse(inspect.StandardOutput)![0]!;
            Assert.Equal("apinet", json["Labels"]!["owner"]!.GetValue<string>());
            Assert.Equal("local", json["Scope"]!.GetValue<string>());
            Assert.True(Directory.Exists(json["Mountpoint"]!.GetValue<string>()));

            var again = await service.DockerAsync("volume", "create", "apinet-vol");
            Assert.Equal(0, again.ExitCode);
        }
        finally
        {
            Assert.Equal(0, (await service.DockerAsync("volume", "rm", "apinet-vol")).ExitCode);
        }

        var gone = await service.DockerAsync("volume", "inspect", "apinet-vol");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("no such volume", gone.StandardError);
    }

    [Fact]
    public async Task VolumePruneAllRemovesUnusedNamedVolumes()
    {
        await service.DockerAsync("volume", "create", "--label", "apinet-prune=1", "apinet-prune-vol");

        var prune = await service.DockerAsync("volume", "prune", "-a", "-f", "--filter", "label=apinet-prune=1");

        Assert.True(prune.ExitCode == 0, prune.StandardError);
        Assert.Contains("apinet-prune-vol", prune.StandardOutput);
        Assert.NotEqual(0, (await service.DockerAsync("volume", "inspect", "apinet-prune-vol")).ExitCode);
    }
}
