using System.Text;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Modular.Engine.Tests.Images;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class RealRegistryPullTests(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private static readonly PullOptions Insecure = new(TlsVerify: false);

    private readonly ImageStoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task The_image_digest_equals_the_registrys_docker_content_digest()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        var pushed = await PushAsync("real/app", "v1", image);

        var pulled = await _store.Images.PullAsync($"{registry.Host}/real/app:v1", Insecure, default);

        Assert.Equal(pushed, pulled.Digest);
        Assert.Equal(image.Id, pulled.Id);
    }

    [Fact]
    public async Task From_a_manifest_list_arm64_v8_gets_the_arm64_image_without_variant()
    {
        var amd = TestImage.Build("amd64-only");
        var arm = TestImage.Build("arm64-only");
        await PushAsync("real/multi", "amd", amd);
        await PushAsync("real/multi", "arm", arm);
        var list = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.DockerManifestList}\",\"manifests\":["
            + Entry(amd, "amd64") + "," + Entry(arm, "arm64") + "]}");
        var listDigest = await registry.PushAsync("real/multi", "latest", list, MediaTypes.DockerManifestList);

        var pulled = await _store.Images.PullAsync(
            $"{registry.Host}/real/multi", Insecure with { Platform = "linux/arm64/v8" }, default);

        Assert.Equal(arm.Id, pulled.Id);
        Assert.Equal(listDigest, pulled.Digest);
    }

    private Task<string> PushAsync(string repository, string tag, TestImage image) =>
        registry.PushAsync(repository, tag, image.Manifest, MediaTypes.DockerManifest,
            [image.Config, .. image.Layers.Select(l => l.Blob)]);

    private static string Entry(TestImage image, string architecture) =>
        $"{{\"mediaType\":\"{MediaTypes.DockerManifest}\",\"size\":{image.Manifest.Length},"
        + $"\"digest\":\"{image.ManifestDigest}\",\"platform\":{{\"os\":\"linux\",\"architecture\":\"{architecture}\"}}}}";
}
