using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Tests.Archive;
using Xunit;

namespace Modular.Plugins.Storage.Tests;

/// <summary>
/// Hostile layers aim at a canary directory outside the store. Each is either refused with
/// a one-line InvalidInputException or confined inside the layer; the canary stays empty.
/// </summary>
public abstract class HostileLayerConformance
{
    protected abstract IStorageDriver NewDriver();

    [Fact]
    public async Task A_write_through_a_symlink_to_the_host_root_stays_inside_the_layer()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var tar = new TestTar().Symlink("escape", "/").File("escape" + s.Canary + "/pwned", "x");

        var refused = await TryLayerAsync(s, "l1", null, tar);

        Assert.True(s.CanaryIsEmpty());
        await AssertConfinedAsync(s, "l1", refused, s.Canary.TrimStart('/') + "/pwned");
    }

    [Fact]
    public async Task A_relative_symlink_climbing_out_stops_at_the_layer_root()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var climb = string.Concat(Enumerable.Repeat("../", 20)) + s.Canary.TrimStart('/');
        var tar = new TestTar().Dir("a").Symlink("a/up", climb).File("a/up/pwned", "x");

        var refused = await TryLayerAsync(s, "l1", null, tar);

        Assert.True(s.CanaryIsEmpty());
        await AssertConfinedAsync(s, "l1", refused, s.Canary.TrimStart('/') + "/pwned");
    }

    [Fact]
    public async Task A_lower_symlink_to_a_host_directory_does_not_carry_an_upper_write_out()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        await s.LayerAsync("lower", null, new TestTar().Symlink("etc", s.Canary));

        var refused = await TryLayerAsync(s, "upper", "lower", new TestTar().File("etc/x", "x"));

        Assert.True(s.CanaryIsEmpty());
        await AssertConfinedAsync(s, "upper", refused, s.Canary.TrimStart('/') + "/x");
    }

    [Fact]
    public async Task A_file_written_over_a_lower_symlink_replaces_the_link_and_not_its_target()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        File.WriteAllText(Path.Combine(s.Canary, "keep"), "host");
        await s.LayerAsync("lower", null, new TestTar().Symlink("f", Path.Combine(s.Canary, "keep")));

        await s.LayerAsync("upper", "lower", new TestTar().File("f", "image"));

        Assert.Equal("host", File.ReadAllText(Path.Combine(s.Canary, "keep")));
        var root = await s.Driver.MountAsync("upper", default);
        Assert.Equal("image", File.ReadAllText(Path.Combine(root, "f")));
        await s.Driver.UnmountAsync("upper", default);
    }

    [Fact]
    public async Task A_symlink_loop_in_a_parent_is_refused_in_one_line()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        var tar = new TestTar().Symlink("a", "b").Symlink("b", "a").File("a/x", "x");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => s.LayerAsync("l1", null, tar));

        Assert.Contains("a/x", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_hard_link_to_a_symlink_pointing_out_links_the_symlink_itself()
    {
        await using var s = await StorageSandbox.CreateAsync(NewDriver());
        File.WriteAllText(Path.Combine(s.Canary, "secret"), "host");
        var tar = new TestTar().Symlink("s", Path.Combine(s.Canary, "secret")).HardLink("h", "s");

        await s.LayerAsync("l1", null, tar);

        var root = await s.Driver.MountAsync("l1", default);
        Assert.Equal(Path.Combine(s.Canary, "secret"), new FileInfo(Path.Combine(root, "h")).LinkTarget);
        await s.Driver.UnmountAsync("l1", default);
    }

    private static async Task<bool> TryLayerAsync(
        StorageSandbox s,
        string id,
        string? parent,
        TestTar tar)
    {
        try
        {
            await s.LayerAsync(id, parent, tar);
            return false;
        }
        catch (InvalidInputException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            return true;
        }
    }

    private static async Task AssertConfinedAsync(
        StorageSandbox s,
        string id,
        bool refused,
        string inside)
    {
        if (refused)
        {
            return;
        }

        var root = await s.Driver.MountAsync(id, default);
        Assert.True(File.Exists(Path.Combine(root, inside)), $"expected {inside} inside the layer");
        await s.Driver.UnmountAsync(id, default);
    }
}
