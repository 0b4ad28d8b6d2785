using System.Formats.Tar;
using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>save, load and pull through docker-archive, oci-archive, oci and dir.</summary>
[Collection(Collections.Transports)]
public sealed class TransportTests(ModpodFixture modpod) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("modular-transports-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("docker-archive")]
    [InlineData("oci-archive")]
    [InlineData("oci-dir")]
    [InlineData("docker-dir")]
    public async Task Save_then_load_in_each_format_gives_back_the_same_image(string format)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", image)).Output;
        var path = Path.Combine(_work, "saved-" + format);

        var save = await modpod.RunAsync("save", "-q", "--format", format, "-o", path, image);
        await modpod.RunAsync("tag", image, "localhost/keep-layers:latest");
        await modpod.RunAsync("rmi", image);
        var load = await modpod.RunAsync("load", "-i", path);

        ModpodAssert.Exit(0, save);
        ModpodAssert.Exit(0, load);
        Assert.StartsWith("Loaded image: ", load.Output);
        var loadedId = load.Output.Contains("sha256:")
            ? load.Output.Split("sha256:")[1].Trim()
            : (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", image)).Output;
        Assert.Equal(id, loadedId);
        await modpod.RunAsync("tag", id, image);
        await modpod.RunAsync("rmi", "localhost/keep-layers:latest");
    }

    [Fact]
    public async Task Two_images_saved_into_one_archive_both_load()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var other = await modpod.LoadAsync(await TestImageCatalog.UniqueAsync("localhost/second:v2", "second"));
        ModpodAssert.Exit(0, other);
        var archive = Path.Combine(_work, "two.tar");

        var save = await modpod.RunAsync("save", "-q", "-m", "-o", archive, image, "localhost/second:v2");
        await modpod.RunAsync("rmi", "localhost/second:v2");
        var load = await modpod.RunAsync("load", "-i", archive);

        ModpodAssert.Exit(0, save);
        ModpodAssert.Exit(0, load);
        Assert.Contains("Loaded image: localhost/busybox:latest", load.Lines);
        Assert.Contains("Loaded image: localhost/second:v2", load.Lines);
        await modpod.RunAsync("rmi", "localhost/second:v2");
    }

    [Theory]
    [InlineData("docker-archive", "docker-archive:{0}")]
    [InlineData("oci-archive", "oci-archive:{0}")]
    [InlineData("oci-dir", "oci:{0}:localhost/busybox:latest")]
    [InlineData("docker-dir", "dir:{0}")]
    public async Task Pull_from_a_file_transport_prints_the_id_and_stores_the_image(string format, string source)
    {
        var image = await modpod.EnsureBusyboxAsync();
        var id = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", image)).Output;
        var path = Path.Combine(_work, "pull-" + format);
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", format, "-o", path, image));

        var pull = await modpod.RunAsync("pull", "-q", string.Format(source, path));

        ModpodAssert.Exit(0, pull);
        Assert.Equal(id, pull.Output);
    }

    [Fact]
    public async Task A_saved_oci_layout_names_the_image_and_hashes_every_blob()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var layout = Path.Combine(_work, "layout");

        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", "oci-dir", "-o", layout, image));

        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!;
        var entry = index["manifests"]![0]!;
        Assert.Equal(image, entry["annotations"]!["org.opencontainers.image.ref.name"]!.ToString());
        foreach (var blob in Directory.GetFiles(Path.Combine(layout, "blobs", "sha256")))
        {
            Assert.Equal("sha256:" + Path.GetFileName(blob), Digests.Sha256(File.ReadAllBytes(blob)));
        }
    }

    [Fact]
    public async Task An_archive_whose_second_image_is_corrupt_loads_neither()
    {
        await modpod.EnsureBusyboxAsync();
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        var archive = Path.Combine(_work, "half-bad.tar");
        await WriteTwoImageArchiveAsync(archive);

        var load = await modpod.RunAsync("load", "-i", archive);

        ModpodAssert.Exit(125, load);
        Assert.Single(load.ErrorLines);
        Assert.False((await modpod.RunAsync("image", "exists", "localhost/first-good:latest")).ExitCode == 0);
        Assert.Equal(before.Lines.Order(), (await modpod.RunAsync("images", "-a", "-q", "--no-trunc")).Lines.Order());
    }

    [Theory]
    [InlineData("docker-archive:/nonexistent/x.tar")]
    [InlineData("oci:/nonexistent/layout")]
    [InlineData("dir:/nonexistent/dir")]
    public async Task Pull_from_a_missing_file_is_one_error_line_naming_it(string source)
    {
        var pull = await modpod.RunAsync("pull", source);

        ModpodAssert.Exit(125, pull);
        Assert.Single(pull.ErrorLines);
        Assert.Contains("/nonexistent/", pull.StandardError);
    }

    [Fact]
    public async Task A_dir_image_with_a_tampered_blob_is_refused_and_not_stored()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var dir = Path.Combine(_work, "tampered");
        ModpodAssert.Exit(0, await modpod.RunAsync("save", "-q", "--format", "docker-dir", "-o", dir, image));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        var layer = Path.Combine(dir, manifest["layers"]![0]!["digest"]!.ToString()[7..]);
        await using (var file = new FileStream(layer, FileMode.Open))
        {
            file.Seek(-1, SeekOrigin.End);
            file.WriteByte(0x55);
        }

        var pull = await modpod.RunAsync("pull", "dir:" + dir);

        ModpodAssert.Exit(125, pull);
        Assert.Contains("digest did not match", pull.StandardError);
        Assert.Single(pull.ErrorLines);
    }

    [Fact]
    public async Task Save_refuses_an_unknown_format_with_podmans_words()
    {
        var save = await modpod.RunAsync("save", "--format", "zip", "-o", Path.Combine(_work, "x"), "busybox");

        ModpodAssert.Exit(125, save);
        Assert.Equal(
            "Error: format value must be one of oci-dir oci-archive docker-dir docker-archive",
            save.StandardError.Trim());
    }

    /// <summary>A docker-archive with a good busybox and a second image whose layer lies about its diff id.</summary>
    private static async Task WriteTwoImageArchiveAsync(string path)
    {
        var good = Path.Combine(Path.GetDirectoryName(path)!, "good.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync("localhost/first-good:latest"), good);
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, "two")).FullName;
        await TarFile.ExtractToDirectoryAsync(good, directory, overwriteFiles: true);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")))!.AsArray();
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, manifest[0]!["Config"]!.ToString())))!;
        config["rootfs"]!["diff_ids"]![0] = "sha256:" + new string('0', 64);
        config["config"] = new JsonObject { ["Cmd"] = new JsonArray("sh", "-c", "bad") };
        var badConfig = System.Text.Encoding.UTF8.GetBytes(config.ToJsonString());
        var badName = Digests.Sha256(badConfig)[7..] + ".json";
        await File.WriteAllBytesAsync(Path.Combine(directory, badName), badConfig);
        var second = manifest[0]!.DeepClone();
        second["Config"] = badName;
        second["RepoTags"] = new JsonArray("localhost/second-bad:latest");
        manifest.Add(second);
        await File.WriteAllTextAsync(Path.Combine(directory, "manifest.json"), manifest.ToJsonString());
        await TarFile.CreateFromDirectoryAsync(directory, path, includeBaseDirectory: false);
    }
}
