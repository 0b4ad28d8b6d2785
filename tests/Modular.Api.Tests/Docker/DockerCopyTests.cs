using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.Api.Tests.Docker;

/// <summary>docker cp both ways through /containers/ID/archive (GET, HEAD, PUT) (Issue #10).</summary>
[Collection(DockerServiceCollection.Name)]
public sealed class DockerCopyTests(DockerServiceFixture service)
{
    [Fact]
    public async Task CopyIntoAndOutOfARunningContainer()
    {
        var work = Path.Combine(service.Modpod.Directory, "cp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(work, "tree", "sub"));
        await File.WriteAllTextAsync(Path.Combine(work, "note.txt"), "a note\n");
        await File.WriteAllTextAsync(Path.Combine(work, "tree", "sub", "deep.txt"), "deep\n");
        var run = await service.DockerAsync(
            "run", "-d", "--network", "none", "--name", "apiimg-cp", ModpodFixture.Busybox, "sleep", "300");
        Assert.True(run.ExitCode == 0, run.ToString());
        try
        {
            var file = await service.DockerAsync("cp", Path.Combine(work, "note.txt"), "apiimg-cp:/tmp/");
            Assert.True(file.ExitCode == 0, file.ToString());
            var renamed = await service.DockerAsync("cp", Path.Combine(work, "note.txt"), "apiimg-cp:/tmp/renamed.txt");
            Assert.True(renamed.ExitCode == 0, renamed.ToString());
            var tree = await service.DockerAsync("cp", Path.Combine(work, "tree"), "apiimg-cp:/srv");
            Assert.True(tree.ExitCode == 0, tree.ToString());
            var cat = await service.DockerAsync("exec", "apiimg-cp", "cat", "/tmp/note.txt", "/tmp/renamed.txt", "/srv/sub/deep.txt");
            Assert.Equal("a note\na note\ndeep\n", cat.StandardOutput);

            var back = await service.DockerAsync("cp", "apiimg-cp:/srv", Path.Combine(work, "back"));
            Assert.True(back.ExitCode == 0, back.ToString());
            Assert.Equal("deep\n", await File.ReadAllTextAsync(Path.Combine(work, "back", "sub", "deep.txt")));
            var one = await service.DockerAsync("cp", "apiimg-cp:/tmp/note.txt", Path.Combine(work, "one.txt"));
            Assert.True(one.ExitCode == 0, one.ToString());
            Assert.Equal("a note\n", await File.ReadAllTextAsync(Path.Combine(work, "one.txt")));

            var missing = await service.DockerAsync("cp", "apiimg-cp:/no/such", Path.Combine(work, "x"));
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("/no/such", missing.StandardError);
        }
        finally
        {
            await service.DockerAsync("rm", "-f", "apiimg-cp");
            Directory.Delete(work, recursive: true);
        }
    }
}
