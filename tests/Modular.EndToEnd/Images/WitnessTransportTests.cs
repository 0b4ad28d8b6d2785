using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>Podman and skopeo read what modpod writes, and modpod reads what Podman writes.</summary>
[Collection(Collections.Transports)]
public sealed class WitnessTransportTests(ModpodFixture modpod, WitnessFixture witness) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-witness-io-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("docker-archive")]
    [InlineData("oci-archive")]
    public async Task Podman_loads_and_runs_an_archive_modpod_saved(string format)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var archive = Path.Combine(_work, format + ".tar");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", format, "-o", archive, image));

        var load = await witness.PodmanAsync("load", "-q", "-i", archive);
        var run = await witness.PodmanAsync("run", "--rm", image, "echo", "podman-ran-" + format);
        await witness.PodmanAsync("rmi", "-f", image);

        ModpodAssert.Exit(0, load);
        Assert.Contains("podman-ran-" + format, run.Output);
    }

    [Theory]
    [InlineData("docker-archive")]
    [InlineData("oci-archive")]
    public async Task Modpod_loads_and_runs_an_archive_podman_saved(string format)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var seed = Path.Combine(_work, "seed.tar");
        var archive = Path.Combine(_work, "podman-" + format + ".tar");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "-o", seed, image));
        ModpodAssert.Exit(0, await witness.PodmanAsync("load", "-q", "-i", seed));
        ModpodAssert.Exit(0, await witness.PodmanAsync(
            "tag", image, "localhost/from-podman:" + format));
        ModpodAssert.Exit(0, await witness.PodmanAsync(
            "save", "-q", "--format", format, "-o", archive, "localhost/from-podman:" + format));

        var load = await modpod.RunAsync("load", "-i", archive);
        var run = await modpod.RunAsync("run", "--rm", "localhost/from-podman:" + format, "echo", "modpod-ran");

        ModpodAssert.Exit(0, load);
        Assert.Equal("modpod-ran", run.Output);
        await modpod.RunAsync("rmi", "localhost/from-podman:" + format);
        await witness.PodmanAsync("rmi", "-a", "-f");
    }

    [Fact]
    public async Task Skopeo_inspects_modpods_dir_and_oci_output_with_the_same_layers()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var dir = Path.Combine(_work, "dir");
        var oci = Path.Combine(_work, "oci");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", "docker-dir", "-o", dir, image));
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", "oci-dir", "-o", oci, image));

        var fromDir = await witness.SkopeoAsync("inspect", "--format", "{{.Architecture}} {{len .Layers}}", "dir:" + dir);
        var fromOci = await witness.SkopeoAsync("inspect", "--format", "{{.Architecture}} {{len .Layers}}", "oci:" + oci);
        var copy = await witness.SkopeoAsync("copy", "oci:" + oci + ":" + image, "dir:" + Path.Combine(_work, "copied"));

        ModpodAssert.Exit(0, fromDir);
        ModpodAssert.Exit(0, fromOci);
        ModpodAssert.Exit(0, copy);
        Assert.Equal(fromDir.Output, fromOci.Output);
        Assert.True(File.Exists(Path.Combine(_work, "copied", "manifest.json")));
    }
}
