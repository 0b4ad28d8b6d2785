using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

[Collection(Collections.Registry)]
public sealed class PullTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Theory]
    [InlineData(ManifestFormat.DockerSchema2, MediaTypes.DockerManifest, "pull/docker")]
    [InlineData(ManifestFormat.Oci, MediaTypes.OciManifest, "pull/oci")]
    public async Task Image_inspect_digest_equals_the_registry_content_digest(
        ManifestFormat format,
        string mediaType,
        string repository)
    {
        // An image of its own: an image already stored under another manifest keeps
        // that first digest in .Digest, as Podman's does.
        var image = await TestImageCatalog.UniqueAsync("localhost/unique:latest", repository);
        var (reference, _) = await registry.PushAsync(image, repository, "v1", format);
        var expected = await registry.ContentDigestAsync(repository, "v1", mediaType);

        var pull = await modpod.RunAsync("pull", "--tls-verify=false", reference);
        var digest = await modpod.RunAsync("image", "inspect", "--format", "{{.Digest}}", reference);
        var id = await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", reference);

        ModpodAssert.Exit(0, pull);
        Assert.Equal(expected, digest.Output);
        Assert.Equal(image.Id, id.Output);
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task A_pulled_image_runs_and_prints_its_output()
    {
        var (reference, _) = await registry.PushAsync(await TestImageCatalog.BusyboxAsync(), "pull/run");
        await modpod.RunAsync("pull", "--tls-verify=false", reference);

        var run = await modpod.RunAsync("run", "--rm", reference, "echo", "hello from busybox");

        ModpodAssert.Exit(0, run);
        Assert.Equal("hello from busybox", run.Output);
    }

    [Theory]
    [InlineData(ManifestFormat.DockerSchema2, null, "amd64")]
    [InlineData(ManifestFormat.Oci, null, "amd64")]
    [InlineData(ManifestFormat.Oci, "arm64", "arm64")]
    public async Task A_manifest_list_pull_picks_the_host_platform_unless_told(
        ManifestFormat format,
        string? arch,
        string expected)
    {
        var repository = $"pull/list-{format}-{arch ?? "host"}".ToLowerInvariant();
        var images = new[]
        {
            await TestImageCatalog.BusyboxAsync(architecture: "amd64"),
            await TestImageCatalog.BusyboxAsync(architecture: "arm64"),
        };
        await registry.Pusher.PushListAsync(repository, "latest", images, format);
        var reference = $"{registry.Address}/{repository}:latest";

        var args = new List<string> { "pull", "--tls-verify=false" };
        if (arch is not null)
        {
            args.AddRange(["--arch", arch]);
        }

        var pull = await modpod.RunAsync([.. args, reference], null);
        var inspect = await modpod.RunAsync("image", "inspect", "--format", "{{.Architecture}}", reference);

        ModpodAssert.Exit(0, pull);
        Assert.Equal(expected, inspect.Output);
    }

    [Trait("Category", MatrixCell.Category)]
    [Fact]
    public async Task The_layered_image_shows_whiteouts_opaque_dirs_and_links_merged()
    {
        var (reference, _) = await registry.PushAsync(await TestImageCatalog.LayeredAsync(), "pull/layered");
        await modpod.RunAsync("pull", "--tls-verify=false", reference);

        var run = await modpod.RunAsync("run", "--rm", reference, "sh", "-c", LayeredExpectations.ShellCheck);

        ModpodAssert.Exit(0, run);
        Assert.Equal("ok", run.Output);
    }
}
