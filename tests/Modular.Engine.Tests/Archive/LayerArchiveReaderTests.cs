using System.Formats.Tar;
using System.Text;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Archive;
using Modular.Tests.Archive;
using Xunit;

namespace Modular.Engine.Tests.Archive;

public sealed class LayerArchiveReaderTests
{
    [Fact]
    public async Task A_name_with_a_dotdot_component_is_refused_naming_the_entry()
    {
        var tar = new TestTar().Dir("etc").File("etc/../../etc/passwd", "root::0:0");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAllAsync(tar));

        Assert.Contains("etc/../../etc/passwd", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_hard_link_to_a_target_outside_the_root_is_refused_blaming_the_target()
    {
        var tar = new TestTar().File("a", "x").HardLink("srv/passwd", "../../etc/passwd");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAllAsync(tar));

        Assert.Equal(
            "invalid layer entry \"srv/passwd\": hard link target \"../../etc/passwd\" leaves the layer",
            error.Message);
    }

    [Fact]
    public async Task A_path_listed_twice_is_refused_with_podmans_words()
    {
        var tar = new TestTar().Dir("etc").File("etc/motd", "one").File("./etc/motd", "two");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAllAsync(tar));

        Assert.Contains("duplicates of file paths not supported", error.Message);
        Assert.Contains("etc/motd", error.Message);
    }

    [Fact]
    public async Task Whiteouts_and_opaque_markers_become_their_entry_types()
    {
        var tar = new TestTar().Dir("srv").Whiteout("srv", "gone").Opaque("srv").Whiteout("", "top");

        var entries = await ReadAllAsync(tar);

        Assert.Equal(
            [("srv", LayerEntryType.Directory), ("srv/gone", LayerEntryType.Whiteout),
             ("srv", LayerEntryType.OpaqueDirectory), ("top", LayerEntryType.Whiteout)],
            entries.Select(e => (e.Path, e.Type)));
    }

    [Fact]
    public async Task Names_are_normalised_and_the_root_entry_is_the_empty_path()
    {
        var tar = new TestTar().Dir("./").Dir("./usr//").File("/usr//bin/./ls", "ls")
            .HardLink("usr/bin/dir", "./usr/bin/ls");

        var entries = await ReadAllAsync(tar);

        Assert.Equal(["", "usr", "usr/bin/ls", "usr/bin/dir"], entries.Select(e => e.Path));
        Assert.Equal(LayerEntryType.Directory, entries[0].Type);
        Assert.Equal("usr/bin/ls", entries[3].LinkTarget);
    }

    [Fact]
    public async Task Gzip_layers_are_read_and_content_is_streamed_in_order()
    {
        var longName = "deep/" + new string('n', 180);
        var tar = new TestTar().Dir("deep").File(longName, "payload", mode: 0b111_101_101, uid: 1000)
            .Symlink("run-link", "/run");

        var contents = new List<string>();
        await foreach (var entry in LayerArchiveReader.ReadAsync(tar.ToStream(gzip: true), default))
        {
            var text = entry.Content is null
                ? entry.LinkTarget ?? ""
                : await ReadTextAsync(entry.Content);
            contents.Add(text);
            Assert.True(
                entry.Path != longName || entry is { Uid: 1000, Mode: 0b111_101_101, Size: 7 });
        }

        Assert.Equal(["", "payload", "/run"], contents);
    }

    [Fact]
    public async Task Pax_xattrs_and_device_numbers_are_kept()
    {
        var file = new PaxTarEntry(
            TarEntryType.RegularFile,
            "bin/ping",
            new Dictionary<string, string> { ["SCHILY.xattr.user.test"] = "value" });
        var device = new PaxTarEntry(TarEntryType.CharacterDevice, "dev/null")
        {
            DeviceMajor = 1,
            DeviceMinor = 3,
        };

        var entries = await ReadAllAsync(new TestTar().Entry(file).Entry(device));

        Assert.Equal("value", Encoding.UTF8.GetString(entries[0].Xattrs!["user.test"]));
        var dev = entries[1];
        Assert.Equal((LayerEntryType.CharDevice, 1, 3), (dev.Type, dev.DeviceMajor, dev.DeviceMinor));
    }

    [Fact]
    public async Task A_refused_name_with_a_line_break_still_gives_a_one_line_error()
    {
        var tar = new TestTar().File("x/../\rError: fake", "x");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAllAsync(tar));

        Assert.DoesNotContain('\r', error.Message);
        Assert.Contains("\\rError: fake", error.Message);
    }

    [Fact]
    public async Task An_old_style_entry_with_a_trailing_slash_is_a_directory()
    {
        var v7 = new V7TarEntry(TarEntryType.V7RegularFile, "olddir/");

        var entries = await ReadAllAsync(new TestTar().Entry(v7));

        Assert.Equal(("olddir", LayerEntryType.Directory), (entries[0].Path, entries[0].Type));
    }

    [Fact]
    public async Task A_truncated_archive_is_refused_as_invalid_input()
    {
        var bytes = new TestTar().File("a", new string('x', 2000)).ToStream().ToArray();

        await Assert.ThrowsAsync<InvalidInputException>(
            () => ReadAllAsync(new MemoryStream(bytes[..700])));
    }

    [Fact]
    public async Task A_layer_without_entries_reads_as_empty()
    {
        // What a squashed build step that changed no file stores: the two end blocks only.
        var entries = await ReadAllAsync(new MemoryStream(new byte[1024]));

        Assert.Empty(entries);
    }

    [Fact]
    public async Task An_empty_stream_reads_as_an_empty_layer()
    {
        var entries = await ReadAllAsync(new MemoryStream([]));

        Assert.Empty(entries);
    }

    private static Task<List<LayerEntry>> ReadAllAsync(TestTar tar) => ReadAllAsync(tar.ToStream());

    private static async Task<List<LayerEntry>> ReadAllAsync(Stream stream)
    {
        var list = new List<LayerEntry>();
        await foreach (var entry in LayerArchiveReader.ReadAsync(stream, default))
        {
            list.Add(entry);
        }

        return list;
    }

    private static async Task<string> ReadTextAsync(Stream content)
    {
        using var reader = new StreamReader(content, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }
}
