using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Volumes;

/// <summary>
/// A -v container path is kept as typed, as Podman 5's GenVolume keeps it (inspect shows
/// "/data/"), while duplicates are found on the cleaned path (Issue #10).
/// </summary>
[Collection(Collections.Containers)]
public sealed class BindDestinationTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-binddest-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_trailing_slash_destination_is_kept_and_mounts()
    {
        var image = await modpod.EnsureBusyboxAsync();
        await File.WriteAllTextAsync(Path.Combine(_work, "f"), "bound\n");

        var create = await modpod.RunAsync("create", "--name", "binddest-keep", "--network", "none",
            "-v", _work + ":/data/:ro", image, "cat", "/data/f");
        var destination = await modpod.RunAsync("inspect", "--format",
            "{{range .Mounts}}{{.Destination}}{{end}}", "binddest-keep");
        var start = await modpod.RunAsync("start", "-a", "binddest-keep");
        await modpod.RunAsync("rm", "-f", "binddest-keep");

        ModpodAssert.Exit(0, create);
        Assert.Equal("/data/", destination.Output);
        ModpodAssert.Exit(0, start);
        Assert.Equal("bound", start.Output);
    }

    [Fact]
    public async Task The_same_place_written_two_ways_is_a_duplicate()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var other = Directory.CreateDirectory(Path.Combine(_work, "other")).FullName;

        var create = await modpod.RunAsync("create", "--name", "binddest-dup", "--network", "none",
            "-v", _work + ":/data/", "-v", other + ":/data", image, "true");

        Assert.Equal(125, create.ExitCode);
        Assert.Contains("duplicate mount destination", create.StandardError);
        Assert.False(await modpod.ContainerExistsAsync("binddest-dup"));
    }
}
