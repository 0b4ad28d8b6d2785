using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Harness;

/// <summary>
/// Proves the fixtures themselves, with no modpod: the registry answers, accepts the
/// pushes the product will pull, and the corruption the hostile tests rely on is real.
/// </summary>
public sealed class RegistryFixtureTests : IAsyncLifetime
{
    private readonly RegistryFixture _registry = new();

    public Task InitializeAsync() => _registry.InitializeAsync();

    public Task DisposeAsync() => _registry.DisposeAsync();

    [Theory]
    [InlineData(ManifestFormat.DockerSchema2, MediaTypes.DockerManifest)]
    [InlineData(ManifestFormat.Oci, MediaTypes.OciManifest)]
    public async Task A_pushed_busybox_is_served_under_the_digest_the_push_reported(
        ManifestFormat format,
        string mediaType)
    {
        var image = await TestImageCatalog.BusyboxAsync();

        var (_, digest) = await _registry.PushAsync(image, "harness/busybox", "v1", format);

        Assert.Equal(digest, await _registry.ContentDigestAsync("harness/busybox", "v1", mediaType));
    }

    [Fact]
    public async Task A_corrupted_blob_keeps_its_size_but_no_longer_matches_its_digest()
    {
        var image = await TestImageCatalog.UniqueAsync("localhost/unique:latest", "harness-corrupt");
        await _registry.PushAsync(image, "harness/unique");
        var layer = image.Layers[^1];

        await _registry.CorruptBlobAsync(layer.GzipDigest);

        var hex = Digests.Hex(layer.GzipDigest);
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(
            $"http://{_registry.Address}/v2/harness/unique/blobs/{layer.GzipDigest}");
        Assert.Equal(layer.Gzip.Length, served.Length);
        Assert.NotEqual(hex, Digests.Hex(Digests.Sha256(served)));
    }

    [Fact]
    public async Task A_two_platform_list_names_amd64_and_arm64()
    {
        var images = new[]
        {
            await TestImageCatalog.BusyboxAsync(architecture: "amd64"),
            await TestImageCatalog.BusyboxAsync(architecture: "arm64"),
        };

        var digest = await _registry.Pusher.PushListAsync("harness/multi", "latest", images, ManifestFormat.Oci);

        Assert.Equal(digest, await _registry.ContentDigestAsync("harness/multi", "latest", MediaTypes.OciIndex));
        Assert.NotEqual(images[0].Id, images[1].Id);
    }
}
