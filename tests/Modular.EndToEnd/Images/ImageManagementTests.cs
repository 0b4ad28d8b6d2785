using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>import, history, image prune and image tree, compared with the Podman witness.</summary>
[Collection(Collections.Transports)]
public sealed class ImageManagementTests(ModpodFixture modpod, WitnessFixture witness) : IDisposable
{
    private static readonly string[] Changes =
    [
        "-c", "CMD [\"/bin/busybox\",\"echo\",\"hi\"]", "-c", "ENTRYPOINT /bin/busybox", "-c", "ENV A=1",
        "-c", "EXPOSE 80/udp", "-c", "LABEL x=y", "-c", "USER 1000", "-c", "WORKDIR /w",
        "-c", "VOLUME /data", "-c", "STOPSIGNAL SIGINT",
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("modular-imgmgmt-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Import_with_changes_gives_the_config_and_id_podman_gives()
    {
        var tar = await TarballAsync("import.tar");

        var mine = await modpod.RunAsync([.. new[] { "import", "-q" }.Concat(Changes), "-m", "note", tar, "localhost/imp:1"]);
        var theirs = await witness.PodmanAsync([.. new[] { "import", "-q" }.Concat(Changes), "-m", "note", tar, "localhost/imp:1"]);

        ModpodAssert.Exit(0, mine);
        ModpodAssert.Exit(0, theirs);
        Assert.Equal(theirs.Output, mine.Output);
        Assert.Equal(
            await InspectPartAsync(witness.PodmanAsync, "localhost/imp:1"),
            await InspectPartAsync(modpod.RunAsync, "localhost/imp:1"));
        await modpod.RunAsync("rmi", "localhost/imp:1");
        await witness.PodmanAsync("rmi", "localhost/imp:1");
    }

    [Fact]
    public async Task Import_refuses_an_unknown_change_with_podmans_words()
    {
        var tar = await TarballAsync("bad-change.tar");

        var import = await modpod.RunAsync("import", "-c", "BOGUS x", tar);

        ModpodAssert.Exit(125, import);
        Assert.Equal("Error: invalid change \"BOGUS x\" - invalid instruction BOGUS", import.StandardError.Trim());
    }

    [Fact]
    public async Task History_has_podmans_header_and_json_keys()
    {
        var tar = await TarballAsync("history.tar");
        ModpodAssert.Exit(0, await modpod.RunAsync("import", "-q", "-m", "why", tar, "localhost/hist:1"));

        var table = await modpod.RunAsync("history", "localhost/hist:1");
        var json = await modpod.RunAsync("history", "--format", "json", "localhost/hist:1");
        var quiet = await modpod.RunAsync("history", "-q", "localhost/hist:1");

        Assert.Matches(@"^ID\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$", table.Lines[0]);
        Assert.EndsWith("why", table.Lines[1]);
        var entry = JsonNode.Parse(json.Output)!.AsArray().Single()!.AsObject();
        Assert.Equal(
            ["id", "created", "CreatedBy", "tags", "size", "comment", "Created"],
            entry.Select(p => p.Key));
        Assert.Equal(12, quiet.Output.Length);
        await modpod.RunAsync("rmi", "localhost/hist:1");
    }

    [Fact]
    public async Task Prune_removes_only_dangling_images_and_prints_their_ids()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var first = (await modpod.RunAsync("import", "-q", await TarballAsync("p1.tar"), "localhost/prune:1")).Output;
        File.SetLastWriteTimeUtc(await TarballAsync("p2.tar"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ModpodAssert.Exit(0, await modpod.RunAsync("import", "-q", Path.Combine(_work, "p2.tar"), "localhost/prune:1"));

        var prune = await modpod.RunAsync("image", "prune", "-f");

        ModpodAssert.Exit(0, prune);
        Assert.Equal([first["sha256:".Length..]], prune.Lines);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", image)).ExitCode);
        Assert.Equal(0, (await modpod.RunAsync("image", "exists", "localhost/prune:1")).ExitCode);
        await modpod.RunAsync("rmi", "localhost/prune:1");
    }

    [Fact]
    public async Task Tree_lists_the_layers_under_podmans_header()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var tree = await modpod.RunAsync("image", "tree", image);

        ModpodAssert.Exit(0, tree);
        Assert.StartsWith("Image ID: ", tree.Lines[0]);
        Assert.Matches(@"^Tags:     \[(\S+ )*localhost/busybox:latest( \S+)*\]$", tree.Lines[1]);
        Assert.Equal("Image Layers", tree.Lines[3]);
        Assert.Matches(@"^└── ID: [0-9a-f]{12} Size: +\S+ Top Layer of: \[.*localhost/busybox:latest.*\]$", tree.Lines[4]);
    }

    [Fact]
    public async Task Tree_prints_the_layer_ids_podman_prints_for_the_same_loaded_image()
    {
        var image = await Modular.TestImages.TestImageCatalog.RandomLayersAsync("localhost/tree-ids:1", 3, 1 << 16, seed: 21);
        var archive = Path.Combine(_work, "tree.tar");
        await Modular.TestImages.DockerArchiveWriter.WriteAsync(image, archive);
        ModpodAssert.Exit(0, await modpod.RunAsync("load", "-q", "-i", archive));
        ModpodAssert.Exit(0, await witness.PodmanAsync("load", "-q", "-i", archive));

        var mine = await modpod.RunAsync("image", "tree", "localhost/tree-ids:1");
        var theirs = await witness.PodmanAsync("image", "tree", "localhost/tree-ids:1");

        await modpod.RunAsync("rmi", "localhost/tree-ids:1");
        await witness.PodmanAsync("rmi", "-a", "-f");
        ModpodAssert.Exit(0, mine);
        ModpodAssert.Exit(0, theirs);
        Assert.Equal(LayerIds(theirs), LayerIds(mine));
        Assert.Equal(4, LayerIds(mine).Count);
    }

    private static List<string> LayerIds(ModpodResult tree) =>
        [.. tree.Lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"ID: ([0-9a-f]{12}) "))
            .Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task An_image_mounts_read_only_lists_and_unmounts()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var mount = await modpod.RunAsync("image", "mount", image);
        var listed = await modpod.RunAsync("image", "mount", "--format", "json");
        var writable = Probe(Path.Combine(mount.Output, "probe"));
        var hasBusybox = File.Exists(Path.Combine(mount.Output, "bin", "busybox"));
        var unmount = await modpod.RunAsync("image", "unmount", image);

        ModpodAssert.Exit(0, mount);
        Assert.True(hasBusybox);
        Assert.False(writable);
        var entry = JsonNode.Parse(listed.Output)!.AsArray().Single()!.AsObject();
        Assert.Equal(["id", "Names", "Repositories", "mountpoint"], entry.Select(p => p.Key));
        ModpodAssert.Exit(0, unmount);
        Assert.Empty((await modpod.RunAsync("image", "mount")).Lines);
    }

    private static bool Probe(string path)
    {
        try
        {
            File.WriteAllText(path, "x");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<string> TarballAsync(string name)
    {
        var path = Path.Combine(_work, name);
        var tar = await CliWrap.Cli.Wrap("tar").WithArguments(["-C", "/", "-cf", path, "bin/busybox"])
            .WithValidation(CliWrap.CommandResultValidation.None).ExecuteAsync();
        Assert.Equal(0, tar.ExitCode);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return path;
    }

    private static async Task<string> InspectPartAsync(Func<string[], Task<ModpodResult>> run, string image)
    {
        var inspect = await run(["image", "inspect", image]);
        var item = JsonNode.Parse(inspect.Output)!.AsArray()[0]!;
        return new JsonObject
        {
            ["Config"] = item["Config"]!.DeepClone(),
            ["Os"] = item["Os"]!.DeepClone(),
            ["Architecture"] = item["Architecture"]!.DeepClone(),
            ["Comment"] = item["Comment"]!.DeepClone(),
            ["RootFS"] = item["RootFS"]!.DeepClone(),
        }.ToJsonString();
    }
}
