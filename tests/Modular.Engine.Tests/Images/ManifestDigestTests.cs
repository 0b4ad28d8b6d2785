using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ManifestDigestTests : IAsyncLifetime
{
    private static readonly PullOptions Insecure = new(TlsVerify: false);
    private static readonly string LyingDigest = "sha256:" + new string('2', 64);

    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_pull_by_tag_records_the_digest_of_the_manifest_received_not_the_registrys_header()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "v1");
        _registry.ManifestDigestHeader = LyingDigest;

        var pulled = await _store.Images.PullAsync($"{_registry.Host}/app:v1", Insecure, default);

        Assert.Equal(image.ManifestDigest, pulled.Digest);
        Assert.Equal([$"{_registry.Host}/app@{image.ManifestDigest}"], pulled.RepoDigests);
        Assert.DoesNotContain(pulled.RepoDigests, d => d.Contains(LyingDigest));
    }

    [Fact]
    public async Task A_pull_by_digest_refuses_a_manifest_whose_bytes_have_another_digest()
    {
        var image = TestImage.Build("bin/a");
        var other = TestImage.Build("bin/b");
        image.Publish(_registry, "app", "v1");
        _registry.Content[$"app/manifests/{image.ManifestDigest}"] = (MediaTypes.DockerManifest, other.Manifest);
        _registry.ManifestDigestHeader = image.ManifestDigest;

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.PullAsync($"{_registry.Host}/app@{image.ManifestDigest}", Insecure, default));

        Assert.Contains(image.ManifestDigest, error.Message);
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }
}
