using Modular.Api.Tests.Docker;
using Xunit;

namespace Modular.Api.Tests.Service;

/// <summary>What the service accepts as a version prefix and as arguments (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class ServiceBoundsTests(DockerServiceFixture service)
{
    [Theory]
    [InlineData("/v9.99/containers/json")]
    [InlineData("/v1.0/containers/json")]
    [InlineData("/v1.41-beta/containers/json")]
    [InlineData("/v99.0.0/libpod/containers/json")]
    public async Task AnyVersionPrefixIsServedAsPodmanServesIt(string path)
    {
        using var http = new UnixHttp(service.Socket);

        var (status, body) = await http.SendAsync(HttpMethod.Get, path);

        Assert.Equal(200, status);
        Assert.NotNull(body!.AsArray());
    }

    [Fact]
    public async Task LibpodNetworksRefuseALevelBelowFour()
    {
        using var http = new UnixHttp(service.Socket);

        var (status, body) = await http.SendAsync(HttpMethod.Get, "/v3.4.0/libpod/networks/json");

        Assert.Equal(400, status);
        Assert.Equal("given version is not supported", body!["cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task SystemServiceWithTwoArgumentsExits125WithPodmansWords()
    {
        var result = await service.Modpod.RunAsync(
            "system", "service", "-t", "1", "unix:///tmp/apibounds-a.sock", "unix:///tmp/apibounds-b.sock");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("Error: accepts at most 1 arg(s), received 2\n", result.StandardError);
        Assert.False(File.Exists("/tmp/apibounds-a.sock"));
    }
}
