using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// dir: keeps a Docker schema 1 image: modpod writes one with <c>push --format v2s1</c> that
/// the witnesses read, and reads back one it or Podman wrote. (Podman itself cannot load a
/// schema 1 dir: it fails with "getting config info: invalid checksum digest format".)
/// </summary>
[Collection(Collections.Transports)]
public sealed class Schema1DirTests(ModpodFixture modpod, WitnessFixture witness) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-s1dir-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Push_v2s1_to_dir_writes_a_signed_schema1_image_skopeo_reads_and_modpod_runs()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/s1dir:latest", "s1dir");
        await modpod.LoadAsync(unique, expectSuccess: true);
        var dir = Path.Combine(_work, "s1");

        var push = await modpod.RunAsync("push", "-q", "--format", "v2s1", "localhost/s1dir:latest", "dir:" + dir);
        var skopeo = await witness.SkopeoAsync("inspect", "--format", "{{len .Layers}}", "dir:" + dir);
        await modpod.RunAsync("rmi", "localhost/s1dir:latest");
        var pull = await modpod.RunAsync("pull", "-q", "dir:" + dir);
        var run = await modpod.RunAsync("run", "--rm", pull.Output, "cat", "/etc/modular-token");

        ModpodAssert.Exit(0, push);
        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json"))))
        {
            Assert.Equal(1, manifest.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.NotEmpty(manifest.RootElement.GetProperty("signatures").EnumerateArray());
        }

        ModpodAssert.Exit(0, skopeo);
        ModpodAssert.Exit(0, pull);
        ModpodAssert.Exit(0, run);
        Assert.Equal("s1dir", run.Output);
        await modpod.RunAsync("rmi", "-f", pull.Output);
    }

    [Fact]
    public async Task A_schema1_dir_podman_wrote_loads_and_runs()
    {
        var unique = await TestImageCatalog.UniqueAsync("localhost/s1podman:latest", "s1podman");
        var archive = Path.Combine(_work, "seed.tar");
        await DockerArchiveWriter.WriteAsync(unique, archive);
        var dir = Path.Combine(_work, "from-podman");
        ModpodAssert.Exit(0, await witness.PodmanAsync("load", "-q", "-i", archive));
        ModpodAssert.Exit(0, await witness.PodmanAsync(
            "push", "-q", "--format", "v2s1", "localhost/s1podman:latest", "dir:" + dir));
        await witness.PodmanAsync("rmi", "-a", "-f");

        var load = await modpod.RunAsync("load", "-i", dir);
        var id = load.Output.Split("sha256:").Last();
        var run = await modpod.RunAsync("run", "--rm", id, "cat", "/etc/modular-token");

        ModpodAssert.Exit(0, load);
        ModpodAssert.Exit(0, run);
        Assert.Equal("s1podman", run.Output);
        await modpod.RunAsync("rmi", "-f", id);
    }

    [Fact]
    public async Task Push_v2s1_to_an_oci_layout_is_refused_and_writes_nothing()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var layout = Path.Combine(_work, "oci");

        var push = await modpod.RunAsync("push", "--format", "v2s1", image, "oci:" + layout);

        ModpodAssert.Exit(125, push);
        Assert.Single(push.ErrorLines);
        Assert.Contains("v2s1", push.StandardError);
        Assert.False(Directory.Exists(layout));
    }
}
