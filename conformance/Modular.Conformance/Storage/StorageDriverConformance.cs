using Modular.Contracts.Storage;

namespace Modular.Conformance.Storage;

/// <summary>
/// What every storage driver must do with image layers, checked on the mounted view.
/// Runs as root (mknod, chown, overlay mounts), as the project's tests do here.
/// </summary>
public abstract class StorageDriverConformance
{
    protected abstract IStorageDriver NewDriver();

    [Fact]
    public async Task A_multi_layer_image_shows_whiteouts_opaque_dirs_links_and_symlinks_merged()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("base", null, new LayerBuilder()
            .Dir("bin").File("bin/busybox", "BB", mode: 0b111_101_101)
            .Dir("etc").File("etc/passwd", "root:x:0:0").File("etc/group", "root:x:0:")
            .Dir("srv").Dir("srv/old").File("srv/old/a", "old").Dir("run").Dir("var"));
        await s.LayerAsync("change", "base", new LayerBuilder()
            .Whiteout("etc", "group").Dir("srv/old").Opaque("srv/old").File("srv/old/new", "new")
            .HardLink("etc/passwd2", "etc/passwd").Symlink("bin/sh", "busybox")
            .Symlink("var/run", "/run"));
        await s.LayerAsync("through", "change", new LayerBuilder().File("var/run/x.pid", "42"));
        await s.Driver.CreateLayerAsync("container", "through", default);

        var root = await s.Driver.MountAsync("container", default);

        Assert.False(File.Exists(Path.Combine(root, "etc/group")));
        var old = Directory.GetFileSystemEntries(Path.Combine(root, "srv/old"));
        Assert.Equal(["new"], old.Select(Path.GetFileName));
        Assert.Equal("root:x:0:0", File.ReadAllText(Path.Combine(root, "etc/passwd2")));
        Assert.Equal("busybox", new FileInfo(Path.Combine(root, "bin/sh")).LinkTarget);
        Assert.Equal("/run", new FileInfo(Path.Combine(root, "var/run")).LinkTarget);
        Assert.Equal("42", File.ReadAllText(Path.Combine(root, "run/x.pid")));
        Assert.True(s.CanaryIsEmpty());
        await s.Driver.UnmountAsync("container", default);
    }

    [Fact]
    public async Task A_directory_deleted_then_recreated_in_a_later_layer_shows_no_stale_files()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, StaleTree());
        await s.LayerAsync("l2", "l1", new LayerBuilder().Dir("srv").Whiteout("srv", "d1"));
        await s.LayerAsync("l3", "l2", new LayerBuilder().Dir("srv").Dir("srv/d1").Dir("srv/d1/d2"));

        var root = await s.Driver.MountAsync("l3", default);

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(root, "srv/d1/d2")));
        await s.Driver.UnmountAsync("l3", default);
    }

    [Fact]
    public async Task A_directory_replaced_in_one_layer_with_an_opaque_marker_shows_no_stale_files()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, StaleTree());
        // The opaque marker after the layer's own d2, the order tar walks give.
        await s.LayerAsync("l2", "l1", new LayerBuilder().Dir("srv/d1").Dir("srv/d1/d2").Opaque("srv/d1"));

        var root = await s.Driver.MountAsync("l2", default);

        Assert.True(Directory.Exists(Path.Combine(root, "srv/d1/d2")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(root, "srv/d1/d2")));
        await s.Driver.UnmountAsync("l2", default);
    }

    [Fact]
    public async Task The_survivor_of_a_hard_linked_pair_keeps_its_content_when_the_other_is_whited_out()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, new LayerBuilder().File("a", "shared-data").HardLink("b", "a"));
        await s.LayerAsync("l2", "l1", new LayerBuilder().Whiteout("", "a"));

        var root = await s.Driver.MountAsync("l2", default);

        Assert.False(File.Exists(Path.Combine(root, "a")));
        Assert.Equal("shared-data", File.ReadAllText(Path.Combine(root, "b")));
        await s.Driver.UnmountAsync("l2", default);
    }

    [Fact]
    public async Task A_hard_link_to_a_file_of_a_lower_layer_works()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, new LayerBuilder().Dir("etc").File("etc/hosts", "127.0.0.1"));
        await s.LayerAsync("l2", "l1", new LayerBuilder().HardLink("hosts2", "etc/hosts"));

        var root = await s.Driver.MountAsync("l2", default);

        Assert.Equal("127.0.0.1", File.ReadAllText(Path.Combine(root, "hosts2")));
        await s.Driver.UnmountAsync("l2", default);
    }

    [Fact]
    public async Task An_absolute_symlink_used_inside_the_image_lands_inside_the_image()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, new LayerBuilder().Dir("run").Dir("var").Symlink("var/run", "/run"));
        // Only the leaf, as `tar -cf a.tar var/run/cp02/file` streams it (CP-02).
        await s.LayerAsync("l2", "l1", new LayerBuilder().File("var/run/cp02/file", "cp02-data"));

        var root = await s.Driver.MountAsync("l2", default);

        Assert.Equal("cp02-data", File.ReadAllText(Path.Combine(root, "run/cp02/file")));
        Assert.Equal("/run", new FileInfo(Path.Combine(root, "var/run")).LinkTarget);
        await s.Driver.UnmountAsync("l2", default);
    }

    private static LayerBuilder StaleTree() =>
        new LayerBuilder().Dir("srv").Dir("srv/d1").Dir("srv/d1/d2").File("srv/d1/d2/stale", "old");

    [Fact]
    public async Task An_opaque_marker_keeps_files_the_layer_wrote_without_listing_their_parents()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, StaleTree());
        await s.LayerAsync("l2", "l1", new LayerBuilder().File("srv/d1/d2/fresh", "new").Opaque("srv/d1"));

        var root = await s.Driver.MountAsync("l2", default);

        var d2 = Directory.GetFileSystemEntries(Path.Combine(root, "srv/d1/d2"));
        Assert.Equal(["fresh"], d2.Select(Path.GetFileName));
        await s.Driver.UnmountAsync("l2", default);
    }
}
