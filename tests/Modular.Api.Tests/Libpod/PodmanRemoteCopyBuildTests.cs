using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Libpod;

/// <summary>
/// `podman --remote` 4.3.1 cp and build against modpod's socket: the libpod archive routes
/// (HEAD, GET, PUT) and /libpod/build with Podman's own parameters (dockerfile list, pullpolicy).
/// </summary>
public sealed class PodmanRemoteCopyBuildTests(LibpodServiceFixture service) : IClassFixture<LibpodServiceFixture>
{
    private ModpodFixture Store => service.Store;

    [Fact]
    public async Task CpIntoAndOutOfAContainer()
    {
        var work = Work("podman-cp");
        File.WriteAllText(Path.Combine(work, "note.txt"), "note\n");
        var create = await Store.RunAsync(
            "create", "--name", "podman-remote-cp", "--network", "none", ModpodFixture.Busybox, "sleep", "100");
        Assert.True(create.ExitCode == 0, create.ToString());
        try
        {
            // podman puts the file into a directory (its HEAD reads isDir), then as a new name.
            var into = await service.PodmanAsync("cp", Path.Combine(work, "note.txt"), "podman-remote-cp:/tmp/");
            var renamed = await service.PodmanAsync("cp", Path.Combine(work, "note.txt"), "podman-remote-cp:/tmp/renamed.txt");
            var local = await Store.RunAsync("cp", "podman-remote-cp:/tmp/note.txt", Path.Combine(work, "local.txt"));
            var back = await service.PodmanAsync("cp", "podman-remote-cp:/tmp/renamed.txt", Path.Combine(work, "back.txt"));
            var missing = await service.PodmanAsync("cp", "podman-remote-cp:/no/such", work);

            Assert.True(into.ExitCode == 0, into.ToString());
            Assert.True(renamed.ExitCode == 0, renamed.ToString());
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.True(back.ExitCode == 0, back.ToString());
            Assert.Equal("note\n", File.ReadAllText(Path.Combine(work, "local.txt")));
            Assert.Equal("note\n", File.ReadAllText(Path.Combine(work, "back.txt")));
            Assert.NotEqual(0, missing.ExitCode);
        }
        finally
        {
            await Store.RunAsync("rm", "-f", "podman-remote-cp");
        }
    }

    [Fact]
    public async Task BuildSendsItsContextAndNamesTheImage()
    {
        var context = Work("podman-build");
        File.WriteAllText(Path.Combine(context, "Containerfile"), $"FROM {ModpodFixture.Busybox}\nRUN echo built > /built\n");
        try
        {
            var build = await service.PodmanAsync("build", "--pull=never", "-t", "localhost/podman-remote-built", context);
            Assert.True(build.ExitCode == 0, build.ToString());
            var run = await Store.RunAsync(
                "run", "--rm", "--network", "none", "localhost/podman-remote-built", "cat", "/built");
            Assert.Equal("built", run.Output);
        }
        finally
        {
            await Store.RunAsync("rmi", "-f", "localhost/podman-remote-built");
        }
    }

    private string Work(string name)
    {
        var path = Path.Combine(Store.Directory, "podman-remote-cpbuild", name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Directory.CreateDirectory(path).FullName;
    }
}
