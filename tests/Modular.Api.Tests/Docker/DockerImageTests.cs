using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>docker images and image inspect through /images/json and /images/NAME/json.</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerImageTests(DockerServiceFixture service)
{
    [Fact]
    public async Task ImagesListAndInspectTheLoadedImage()
    {
        var images = await service.DockerAsync("images", "--format", "{{.Repository}}:{{.Tag}}");
        Assert.True(images.ExitCode == 0, images.StandardError);
        Assert.Contains(ModpodFixture.Busybox, images.StandardOutput);

        var inspect = await service.DockerAsync("image", "inspect", ModpodFixture.Busybox, "--format", "{{.Id}}");
        Assert.True(inspect.ExitCode == 0, inspect.StandardError);
        Assert.StartsWith("sha256:", inspect.StandardOutput);
    }
}
