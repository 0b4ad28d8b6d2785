using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay;
using Modular.Tests.Archive;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

public sealed class DiffTests
{
    [Theory]
    [InlineData("overlay")]
    [InlineData("vfs")]
    public async Task A_diff_lists_new_files_and_whiteouts_against_the_parent(string driver)
    {
        IStorageDriver d = driver == "vfs" ? new VfsDriver() : new OverlayDriver();
        await using var s = await StorageSandbox.CreateAsync(d);
        await s.LayerAsync(
            "l1", null, new TestTar().Dir("etc").File("etc/gone", "x").File("etc/kept", "k"));
        await s.LayerAsync("l2", "l1", new TestTar().Whiteout("etc", "gone").File("etc/new", "n"));

        var entries = new List<(string, LayerEntryType)>();
        await foreach (var e in s.Driver.DiffAsync("l2", default))
        {
            entries.Add((e.Path, e.Type));
        }

        Assert.Contains(("etc/gone", LayerEntryType.Whiteout), entries);
        Assert.Contains(("etc/new", LayerEntryType.File), entries);
        Assert.DoesNotContain(("etc/kept", LayerEntryType.File), entries);
    }

    [Fact]
    public async Task An_overlay_diff_reports_an_opaque_directory()
    {
        await using var s = await StorageSandbox.CreateAsync(new OverlayDriver());
        await s.LayerAsync("l1", null, new TestTar().Dir("srv").File("srv/a", "a"));
        await s.LayerAsync("l2", "l1", new TestTar().Dir("srv").Opaque("srv"));

        var entries = new List<(string, LayerEntryType)>();
        await foreach (var e in s.Driver.DiffAsync("l2", default))
        {
            entries.Add((e.Path, e.Type));
        }

        Assert.Equal(
            [("srv", LayerEntryType.Directory), ("srv", LayerEntryType.OpaqueDirectory)],
            entries);
    }
}
