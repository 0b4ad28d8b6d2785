using System.Formats.Tar;
using Modular.Engine.Archive;
using Modular.Plugins.Storage.Overlay;
using Modular.Tests.Archive;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

public sealed class OverlayMountTests
{
    [Fact]
    public async Task Two_users_of_one_layer_do_not_unmount_each_other()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("l1", null, new TestTar().File("hello", "hi"));

        var first = await s.Driver.MountAsync("l1", default);
        var second = await s.Driver.MountAsync("l1", default);
        await s.Driver.UnmountAsync("l1", default);

        Assert.Equal(first, second);
        Assert.True(StorageSandbox.IsMounted(first));
        Assert.Equal("hi", File.ReadAllText(Path.Combine(first, "hello")));
        await s.Driver.UnmountAsync("l1", default);
        Assert.False(StorageSandbox.IsMounted(first));
    }

    [Fact]
    public async Task Removing_a_mounted_layer_unmounts_it_and_deletes_its_directories()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("base", null, new TestTar().File("a", "a"));
        await s.Driver.CreateLayerAsync("top", "base", default);
        var merged = await s.Driver.MountAsync("top", default);

        await s.Driver.RemoveAsync("top", default);

        Assert.False(StorageSandbox.IsMounted(merged));
        Assert.False(Directory.Exists(Path.Combine(s.Root, "graph/overlay/top")));
        Assert.Single(Directory.GetFileSystemEntries(Path.Combine(s.Root, "graph/overlay/l")));
    }

    [Fact]
    public async Task Writes_in_a_container_layer_stay_in_its_diff()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("base", null, new TestTar().Dir("etc").File("etc/motd", "image"));
        await s.Driver.CreateLayerAsync("ctr", "base", default);

        var root = await s.Driver.MountAsync("ctr", default);
        File.WriteAllText(Path.Combine(root, "etc/motd"), "container");
        await s.Driver.UnmountAsync("ctr", default);

        var home = Path.Combine(s.Root, "graph/overlay");
        Assert.Equal("image", File.ReadAllText(Path.Combine(home, "base/diff/etc/motd")));
        Assert.Equal("container", File.ReadAllText(Path.Combine(home, "ctr/diff/etc/motd")));
    }

    [Fact]
    public async Task Status_names_the_backing_filesystem()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());

        var status = s.Driver.Status;

        Assert.NotEqual("unknown", status["Backing Filesystem"]);
        Assert.Equal("true", status["Supports d_type"]);
        Assert.True(status.ContainsKey("Native Overlay Diff"));
    }

    [Fact]
    public async Task A_layer_cannot_smuggle_overlay_xattrs_that_hide_lower_content()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("l1", null, new TestTar().Dir("srv").File("srv/kept", "k"));
        var smuggled = new PaxTarEntry(
            TarEntryType.Directory,
            "srv",
            new Dictionary<string, string> { ["SCHILY.xattr.trusted.overlay.opaque"] = "y" });
        await s.LayerAsync("l2", "l1", new TestTar().Entry(smuggled));

        var root = await s.Driver.MountAsync("l2", default);

        Assert.True(File.Exists(Path.Combine(root, "srv/kept")));
        await s.Driver.UnmountAsync("l2", default);
    }

    [Fact]
    public async Task Applying_to_a_mounted_container_layer_shows_at_once_in_its_view()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("base", null, new TestTar().Dir("etc").File("etc/old", "o"));
        await s.Driver.CreateLayerAsync("ctr", "base", default);
        var root = await s.Driver.MountAsync("ctr", default);

        await using (var tar = new TestTar().File("etc/new", "n").Whiteout("etc", "old").ToStream())
        {
            await s.Driver.ApplyAsync("ctr", LayerArchiveReader.ReadAsync(tar, default), default);
        }

        Assert.Equal("n", File.ReadAllText(Path.Combine(root, "etc/new")));
        Assert.False(File.Exists(Path.Combine(root, "etc/old")));
        await s.Driver.UnmountAsync("ctr", default);
        Assert.Equal("n", File.ReadAllText(Path.Combine(s.Root, "graph/overlay/ctr/diff/etc/new")));
    }

    [Fact]
    public async Task An_image_of_eighty_layers_mounts_and_shows_its_bottom_layer()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("l0", null, new TestTar().File("bottom", "b"));
        for (var i = 1; i < 80; i++)
        {
            await s.LayerAsync($"l{i}", $"l{i - 1}", new TestTar().File($"f{i}", "x"));
        }

        var root = await s.Driver.MountAsync("l79", default);

        Assert.Equal("b", File.ReadAllText(Path.Combine(root, "bottom")));
        Assert.Equal(80, Directory.GetFiles(root).Length);
        await s.Driver.UnmountAsync("l79", default);
    }

    [Fact]
    public async Task The_mountopt_key_of_storage_conf_reaches_the_mount()
    {
        var options = new Dictionary<string, string> { ["mountopt"] = "nodev" };
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver(), options);
        await s.LayerAsync("l1", null, new TestTar().File("a", "a"));

        var root = await s.Driver.MountAsync("l1", default);

        Assert.Contains("nodev", StorageSandbox.MountOptions(root)!.Split(','));
        await s.Driver.UnmountAsync("l1", default);
    }
}
