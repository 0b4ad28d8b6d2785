using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Tests.Archive;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

/// <summary>
/// What the engine's rollback of a refused pull needs from a driver: removing or unmounting
/// a layer that is not mounted never fails, even when the runroot is gone (a fresh store
/// used only for image commands, or /run wiped by a reboot), and leaves the store as before.
/// </summary>
public abstract class RollbackConformance
{
    protected abstract IStorageDriver NewDriver();

    [Fact]
    public async Task Initialize_creates_the_home_and_the_run_home()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());

        Assert.True(Directory.Exists(s.Home));
        Assert.True(Directory.Exists(s.RunHome));
    }

    [Theory]
    [InlineData("dotdot", false)]
    [InlineData("dotdot", true)]
    [InlineData("loop", false)]
    [InlineData("loop", true)]
    public async Task A_refused_layer_is_removed_without_a_trace_after_the_runroot_was_wiped(
        string hostile,
        bool onParent)
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("base", null, new TestTar().Dir("etc").File("etc/hosts", "h"));
        WipeRunroot(s);
        var before = Tree(s.Home);

        await Assert.ThrowsAsync<InvalidInputException>(
            () => s.LayerAsync("bad", onParent ? "base" : null, Hostile(hostile)));
        await s.Driver.RemoveAsync("bad", default);

        Assert.Equal(before, Tree(s.Home));
        Assert.True(s.CanaryIsEmpty());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Unmount_and_remove_of_a_layer_never_mounted_succeed(bool runrootWiped)
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var before = Tree(s.Home);
        await s.LayerAsync("l1", null, new TestTar().File("f", "x"));
        if (runrootWiped)
        {
            WipeRunroot(s);
        }

        await s.Driver.UnmountAsync("l1", default);
        await s.Driver.UnmountAsync("l1", default);
        await s.Driver.UnmountAsync("never-created", default);
        await s.Driver.RemoveAsync("l1", default);
        await s.Driver.RemoveAsync("l1", default);
        await s.Driver.RemoveAsync("never-created", default);

        Assert.Equal(before, Tree(s.Home));
    }

    [Fact]
    public async Task A_layer_mounts_and_unmounts_after_the_runroot_was_wiped()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("l1", null, new TestTar().File("f", "x"));
        WipeRunroot(s);

        var root = await s.Driver.MountAsync("l1", default);
        var content = File.ReadAllText(Path.Combine(root, "f"));
        await s.Driver.UnmountAsync("l1", default);

        Assert.Equal("x", content);
        Assert.False(StorageSandbox.IsMounted(root));
    }

    [Fact]
    public async Task A_mounted_layer_is_removed_after_the_runroot_was_wiped()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var before = Tree(s.Home);
        await s.LayerAsync("l1", null, new TestTar().File("f", "x"));
        var root = await s.Driver.MountAsync("l1", default);
        WipeRunroot(s);

        await s.Driver.RemoveAsync("l1", default);

        Assert.False(StorageSandbox.IsMounted(root));
        Assert.Equal(before, Tree(s.Home));
    }

    private static TestTar Hostile(string kind) => kind switch
    {
        // Refused by the engine's tar reader after a first entry has been written.
        "dotdot" => new TestTar().Dir("usr").File("usr/ok", "x").File("../escape", "x"),
        // Refused by the driver itself while resolving the parent of a write.
        "loop" => new TestTar().Dir("usr").File("usr/ok", "x")
            .Symlink("a", "b").Symlink("b", "a").File("a/x", "x"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Removes the whole runroot, as a reboot does to /run.</summary>
    private static void WipeRunroot(StorageSandbox s)
    {
        var runroot = Path.GetDirectoryName(s.RunHome)!;
        if (Directory.Exists(runroot))
        {
            Directory.Delete(runroot, recursive: true);
        }
    }

    /// <summary>Every path under <paramref name="home"/>, not following symlinks.</summary>
    private static List<string> Tree(string home)
    {
        var paths = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(home))
        {
            paths.Add(Path.GetRelativePath(home, path));
            if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
            {
                paths.AddRange(Tree(path).Select(p => Path.Combine(Path.GetFileName(path), p)));
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
