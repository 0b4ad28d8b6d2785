using System.Text.Json.Nodes;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>
/// The container routes added for docker rename/diff/export/pause answer a missing
/// container with the witness Podman compat service's status and error keys.
/// </summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerContainerRouteWitnessTests(DockerServiceFixture service, PodmanServiceWitness witness)
    : IClassFixture<PodmanServiceWitness>
{
    [Theory]
    [InlineData("POST", "containers/apiwit-missing/rename?name=apiwit-other")]
    [InlineData("POST", "containers/apiwit-missing/pause")]
    [InlineData("POST", "containers/apiwit-missing/unpause")]
    [InlineData("GET", "containers/apiwit-missing/changes")]
    [InlineData("GET", "containers/apiwit-missing/export")]
    [InlineData("DELETE", "networks/apiwit-missing")]
    public async Task MissingContainerOrNetworkAnswersAsThePodmanService(string method, string path)
    {
        using var modpod = new UnixHttp(service.Socket);
        using var podman = new UnixHttp(witness.Socket);

        var ours = await modpod.SendAsync(new HttpMethod(method), path);
        var theirs = await podman.SendAsync(new HttpMethod(method), path);

        Assert.Equal(theirs.Status, ours.Status);
        Assert.Equal(Keys(theirs.Body), Keys(ours.Body));
    }

    private static string[] Keys(JsonNode? body) =>
        [.. (body as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal)];
}
