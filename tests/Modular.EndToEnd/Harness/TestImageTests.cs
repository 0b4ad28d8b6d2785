using System.Formats.Tar;
using System.Text.Json;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Harness;

/// <summary>The test images carry exactly the entries the product tests rely on.</summary>
public sealed class TestImageTests
{
    [Fact]
    public async Task The_busybox_layer_has_the_binary_applets_and_an_absolute_var_run_link()
    {
        var entries = Read((await TestImageCatalog.BusyboxLayerAsync()).Tar);

        Assert.Contains(entries, e => e.Name == "bin/busybox" && e.Type == TarEntryType.RegularFile);
        Assert.Contains(entries, e => e.Name == "bin/sh" && e.Link == "/bin/busybox");
        Assert.Contains(entries, e => e.Name == "var/run" && e.Link == "/run");
        Assert.Contains(entries, e => e.Name == "tmp/" && e.Mode.HasFlag(UnixFileMode.StickyBit));
    }

    [Fact]
    public async Task Building_twice_gives_the_same_digests()
    {
        var first = await TestImageCatalog.LayeredAsync();
        var second = await TestImageCatalog.LayeredAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Layers.Select(l => l.GzipDigest), second.Layers.Select(l => l.GzipDigest));
    }

    [Fact]
    public async Task Hostile_layers_keep_dotdot_names_duplicates_and_escaping_links_verbatim()
    {
        var dotdot = Read((await TestImageCatalog.DotDotAsync("localhost/d:1", "m")).Layers[^1].Tar);
        var duplicate = Read((await TestImageCatalog.DuplicatePathAsync("localhost/d:2")).Layers[^1].Tar);
        var hardlink = Read((await TestImageCatalog.HardLinkEscapeAsync("localhost/d:3")).Layers[^1].Tar);

        Assert.Contains(dotdot, e => e.Name == "../../../../../../../../tmp/m");
        Assert.Equal(2, duplicate.Count(e => e.Name == "srv/dup"));
        Assert.Contains(hardlink, e => e.Type == TarEntryType.HardLink && e.Link == "../../etc/passwd");
    }

    [Fact]
    public async Task A_docker_archive_names_config_and_layers_in_its_manifest()
    {
        var image = await TestImageCatalog.LayeredAsync();
        var path = Path.Combine(Path.GetTempPath(), "modular-harness-" + Guid.NewGuid().ToString("N") + ".tar");
        try
        {
            await DockerArchiveWriter.WriteAsync(image, path);

            var files = ReadFiles(await File.ReadAllBytesAsync(path));
            using var manifest = JsonDocument.Parse(files["manifest.json"]);
            var entry = manifest.RootElement[0];
            Assert.Equal(image.Id + ".json", entry.GetProperty("Config").GetString());
            Assert.Equal(image.Name, entry.GetProperty("RepoTags")[0].GetString());
            var layers = entry.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList();
            Assert.Equal(image.Layers.Select(l => l.DiffId), layers.Select(l => Digests.Sha256(files[l])));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<(string Name, TarEntryType Type, string Link, UnixFileMode Mode)> Read(byte[] tar)
    {
        var entries = new List<(string, TarEntryType, string, UnixFileMode)>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add((entry.Name, entry.EntryType, entry.LinkName, entry.Mode));
        }

        return entries;
    }

    private static Dictionary<string, byte[]> ReadFiles(byte[] tar)
    {
        var files = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                files[entry.Name] = copy.ToArray();
            }
        }

        return files;
    }
}
