using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class RegistryClientTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.DockerManifest}\",\"config\":"
        + $"{{\"digest\":\"sha256:{new string('c', 64)}\",\"size\":2}},\"layers\":[]}}");

    [Fact]
    public async Task A_registry_behind_a_bearer_challenge_is_read_with_the_token_it_hands_out()
    {
        await using var registry = new FakeRegistry { RequiredToken = "t0ken" };
        registry.Content["team/app/manifests/v1"] = (MediaTypes.DockerManifest, Body);
        using var client = new RegistryClient(registry.Host, insecure: true,
            new RegistryCredentials("alice", "s3cret"), NullLogger.Instance);

        var manifest = await client.GetManifestAsync("team/app", "v1", CancellationToken.None);

        Assert.Equal(Body, manifest.Body);
        Assert.Equal("repository:team/app:pull", registry.LastTokenRequest.Scope);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")),
            registry.LastTokenRequest.Authorization);
    }

    [Fact]
    public async Task The_manifest_digest_is_the_registrys_docker_content_digest()
    {
        await using var registry = new FakeRegistry();
        registry.Content["app/manifests/latest"] = (MediaTypes.DockerManifest, Body);
        using var client = new RegistryClient(registry.Host, insecure: true, null, NullLogger.Instance);

        var manifest = await client.GetManifestAsync("app", "latest", CancellationToken.None);

        Assert.Equal(Modular.Engine.Images.Digests.Of(Body), manifest.Digest);
        Assert.Equal(MediaTypes.DockerManifest, manifest.MediaType);
    }

    [Fact]
    public async Task An_unknown_tag_is_not_found_with_the_registrys_message()
    {
        await using var registry = new FakeRegistry();
        using var client = new RegistryClient(registry.Host, insecure: true, null, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => client.GetManifestAsync("app", "nope", CancellationToken.None));

        Assert.Contains("manifest unknown", error.Message);
    }

    [Fact]
    public async Task A_plain_http_registry_is_refused_unless_tls_verification_is_off()
    {
        await using var registry = new FakeRegistry();
        using var client = new RegistryClient(registry.Host, insecure: false, null, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => client.GetManifestAsync("app", "latest", CancellationToken.None));

        Assert.Contains("--tls-verify=false", error.Message);
    }
}
