using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// The names images get from dir:, oci: and oci-archive: sources, as Podman 5's libimage
/// gives them (copyFromDefault). Where the 4.3.1 witness agrees (dir:, oci-archive:), the
/// same source goes through both; oci: differs (tests/witness/allowlist.md).
/// </summary>
[Collection(Collections.Transports)]
public sealed class TransportNamingTests(ModpodFixture modpod, WitnessFixture witness) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-naming-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("latest", "localhost/latest:latest")]
    [InlineData("naming/short:v2", "localhost/naming/short:v2")]
    [InlineData("localhost/naming/full:v1", "localhost/naming/full:v1")]
    public async Task An_oci_archive_is_named_by_its_ref_annotation_as_podman_names_it(
        string annotation,
        string expected)
    {
        var archive = Path.Combine(_work, "annotated.tar");
        await OciArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(annotation), archive);

        var load = await modpod.RunAsync("load", "-i", archive);
        var podman = await witness.PodmanAsync("load", "-i", archive);

        ModpodAssert.Exit(0, load);
        ModpodAssert.Exit(0, podman);
        Assert.Contains($"Loaded image: {expected}", load.Lines);
        Assert.Contains($"Loaded image: {expected}", podman.Lines);
        await modpod.RunAsync("rmi", expected);
        await witness.PodmanAsync("rmi", "-a", "-f");
    }

    [Fact]
    public async Task A_dir_image_is_loaded_and_pulled_unnamed_as_podman_does()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", image)).Output;
        var dir = Path.Combine(_work, "dir");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", "docker-dir", "-o", dir, image));

        var load = await modpod.RunAsync("load", "-i", dir);
        var podmanLoad = await witness.PodmanAsync("load", "-i", dir);
        var pull = await modpod.RunAsync("pull", "-q", "dir:" + dir);
        var names = await modpod.RunAsync("image", "inspect", "--format", "{{.RepoTags}}", id);

        ModpodAssert.Exit(0, load);
        ModpodAssert.Exit(0, podmanLoad);
        ModpodAssert.Exit(0, pull);
        Assert.Contains($"Loaded image: sha256:{id}", load.Lines);
        Assert.Contains($"Loaded image: sha256:{id}", podmanLoad.Lines);
        Assert.Equal(id, pull.Output);
        Assert.Equal($"[{image}]", names.Output);
        Assert.DoesNotContain(
            (await modpod.RunAsync("images", "--format", "{{.Repository}}")).Lines,
            line => line.Contains(dir.TrimStart('/'), StringComparison.Ordinal));
        await witness.PodmanAsync("rmi", "-a", "-f");
    }

    [Theory]
    [InlineData("", "<none>:<none>")]
    [InlineData(":naming/oci:v3", "docker.io/naming/oci:v3")]
    [InlineData(":v1", "docker.io/library/v1:latest")]
    [InlineData(":localhost/naming/oci:v4", "localhost/naming/oci:v4")]
    public async Task An_oci_layout_is_named_by_the_ref_after_its_path_or_not_at_all(
        string suffix,
        string expected)
    {
        // A unique image, so that an unnamed one shows as <none> rather than joining busybox.
        var annotation = suffix.Length == 0 ? "localhost/naming/unused:v9" : suffix[1..];
        var layout = Path.Combine(_work, "layout");
        Directory.CreateDirectory(layout);
        var archive = Path.Combine(_work, "layout.tar");
        await OciArchiveWriter.WriteAsync(await TestImageCatalog.UniqueAsync(annotation, "naming-oci"), archive);
        await CliWrap.Cli.Wrap("tar").WithArguments(["-C", layout, "-xf", archive]).ExecuteAsync();

        var pull = await modpod.RunAsync("pull", "-q", "oci:" + layout + suffix);
        var names = await modpod.RunAsync(
            "images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}");

        await modpod.RunAsync("rmi", "-f", pull.Output);
        ModpodAssert.Exit(0, pull);
        var mine = names.Lines.Where(l => l.Contains(pull.Output, StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal([expected], mine);
    }
}
