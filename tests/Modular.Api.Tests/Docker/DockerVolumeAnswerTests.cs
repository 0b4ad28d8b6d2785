using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>Docker's volume create and prune answered as Podman's compat tree answers (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerVolumeAnswerTests(DockerServiceFixture service)
{
    [Fact]
    public async Task CreateWithoutDriverOptionsAnswersNullOptionsAndInspectAnEmptyMap()
    {
        using var http = new UnixHttp(service.Socket);
        try
        {
            var (status, created) = await http.SendAsync(
                HttpMethod.Post, "volumes/create", """{"Name":"apivolans-a"}""");
            var (_, inspected) = await http.SendAsync(HttpMethod.Get, "volumes/apivolans-a");

            Assert.Equal(201, status);
            Assert.True(created!.AsObject().ContainsKey("Options"));
            Assert.Null(created["Options"]);
            Assert.Empty(inspected!["Options"]!.AsObject());
        }
        finally
        {
            await service.DockerAsync("volume", "rm", "apivolans-a");
        }
    }

    [Fact]
    public async Task PruneWithALabelFilterRemovesMatchingNamedVolumesOnly()
    {
        await service.DockerAsync("volume", "create", "--label", "apivolans=1", "apivolans-b");
        await service.DockerAsync("volume", "create", "apivolans-keep");
        try
        {
            var prune = await service.DockerAsync("volume", "prune", "-f", "--filter", "label=apivolans=1");

            Assert.True(prune.ExitCode == 0, prune.StandardError);
            Assert.Contains("apivolans-b", prune.StandardOutput);
            Assert.NotEqual(0, (await service.DockerAsync("volume", "inspect", "apivolans-b")).ExitCode);
            Assert.Equal(0, (await service.DockerAsync("volume", "inspect", "apivolans-keep")).ExitCode);
        }
        finally
        {
            await service.DockerAsync("volume", "rm", "apivolans-b", "apivolans-keep");
        }
    }

    [Fact]
    public async Task PruneWithAListOnlyFilterIs500WithTheFiltersName()
    {
        using var http = new UnixHttp(service.Socket);

        var (status, body) = await http.SendAsync(
            HttpMethod.Post, """volumes/prune?filters={"name":["x"]}""");

        Assert.Equal(500, status);
        Assert.Equal("\"name\" is an invalid volume filter", body!["cause"]!.GetValue<string>());
    }
}
