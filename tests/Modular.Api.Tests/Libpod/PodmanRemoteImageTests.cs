using System.Formats.Tar;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 on the image routes the remote modpod added: export of several
/// images, image changes, tree and push; it prints what modpod prints locally.
/// </summary>
public sealed class PodmanRemoteImageTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task Diff_and_tree_of_an_image_match_the_local_command()
    {
        await AssertSameAsync("diff", ModpodFixture.Busybox);
        await AssertSameAsync("image", "tree", ModpodFixture.Busybox);
    }

    [Fact]
    public async Task Save_of_several_images_writes_one_docker_archive()
    {
        var archive = Path.Combine(Store.Directory, "podman-save-multi.tar");
        Assert.Equal(0, (await Store.RunAsync("tag", ModpodFixture.Busybox, "localhost/podman-save:v2")).ExitCode);
        try
        {
            var save = await service.PodmanAsync(
                "save", "-m", "-o", archive, ModpodFixture.Busybox, "localhost/podman-save:v2");
            Assert.True(save.ExitCode == 0, save.ToString());
            await using var file = File.OpenRead(archive);
            await using var reader = new TarReader(file);
            var names = new List<string>();
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name);
            }

            Assert.Contains("manifest.json", names);
        }
        finally
        {
            await Store.RunAsync("untag", ModpodFixture.Busybox, "localhost/podman-save:v2");
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Push_to_a_loopback_registry_stores_the_image()
    {
        var registry = new RegistryFixture();
        await registry.InitializeAsync();
        try
        {
            var push = await service.PodmanAsync(
                "push", "--tls-verify=false", ModpodFixture.Busybox, registry.Address + "/podman/bb:v1");

            // Podman 5's stream ends with {"manifestdigest"}, which 4.3.1 refuses (allowlist.md)
            // after the copy lines: the push itself went through.
            Assert.Contains("Writing manifest to image destination", push.StandardError);
            var pull = await Store.RunAsync("pull", "--tls-verify=false", registry.Address + "/podman/bb:v1");
            Assert.True(pull.ExitCode == 0, pull.ToString());
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", registry.Address + "/podman/bb:v1");
            await registry.DisposeAsync();
        }
    }

    private async Task AssertSameAsync(params string[] args)
    {
        var local = await Store.RunAsync(args);
        var remote = await service.PodmanAsync(args);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.True(remote.ExitCode == 0, remote.ToString());
        Assert.Equal(local.StandardOutput, remote.StandardOutput);
    }
}
