using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// storage.conf <c>additionalimagestores</c> and <c>--storage-opt additionalimagestore=</c>:
/// another store's images are listed read-only, run, and are never changed by this store's
/// rmi (Issue #9, 010-images.bats "podman pull image with additional store").
/// </summary>
public sealed class AdditionalImageStoreTests
{
    private const string ListFormat = "{{.Id}} {{.Repository}}:{{.Tag}} {{.ReadOnly}}";

    [Fact]
    public async Task Images_lists_the_additional_stores_image_read_only_after_its_own()
    {
        await using var other = await ModpodFixture.CreateAsync(StoreOptions.Default);
        await using var mine = await ModpodFixture.CreateAsync(StoreOptions.Default);
        var image = await other.EnsureBusyboxAsync();
        await mine.EnsureBusyboxAsync();
        AddStores(mine, other);

        var table = await mine.RunAsync("images", "-a", "-n", "--format", ListFormat);
        var json = await mine.RunAsync("images", "--format", "json");

        ModpodAssert.Exit(0, table);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith($"{image} false", lines[0]);
        Assert.EndsWith($"{image} true", lines[1]);
        var summaries = JsonNode.Parse(json.Output)!.AsArray();
        Assert.False(summaries[0]!.AsObject().ContainsKey("ReadOnly"));
        Assert.True(summaries[1]!["ReadOnly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_container_runs_from_the_additional_store_and_rmi_leaves_that_store_alone()
    {
        await using var other = await ModpodFixture.CreateAsync(StoreOptions.Default);
        await using var mine = await ModpodFixture.CreateAsync(StoreOptions.Default);
        var image = await other.EnsureBusyboxAsync();
        var id = (await other.RunAsync("images", "-q", "--no-trunc")).Output.Trim()["sha256:".Length..];
        AddStores(mine, other);

        var run = await mine.RunAsync("run", "--rm", "--network", "none", image, "cat", "/etc/hostname");
        var rmi = await mine.RunAsync("rmi", image);
        var rmiAll = await mine.RunAsync("rmi", "--all");

        ModpodAssert.Exit(0, run);
        ModpodAssert.Exit(125, rmi);
        Assert.Equal($"Error: cannot remove read-only image \"{id}\"", rmi.StandardError.Trim());
        ModpodAssert.Exit(0, rmiAll);
        Assert.Contains(id[..12], (await other.RunAsync("images", "-q")).Output);
        ModpodAssert.Exit(0, await other.RunAsync("rmi", "--all"));
    }

    [Fact]
    public async Task Storage_opt_additionalimagestore_adds_a_store_and_refuses_a_relative_path()
    {
        await using var other = await ModpodFixture.CreateAsync(StoreOptions.Default);
        await using var mine = await ModpodFixture.CreateAsync(StoreOptions.Default);
        var image = await other.EnsureBusyboxAsync();

        var listed = await mine.RunAsync(
            "--storage-opt", $"additionalimagestore={other.GraphRoot}", "images", "--format", ListFormat);
        var relative = await mine.RunAsync("--storage-opt", "additionalimagestore=relative/dir", "images");

        ModpodAssert.Exit(0, listed);
        Assert.EndsWith($"{image} true", listed.Output.Trim());
        ModpodAssert.Exit(125, relative);
        Assert.Contains("image path \"relative/dir\" is not absolute", relative.StandardError);
    }

    [Fact]
    public async Task Save_writes_an_image_only_the_additional_store_holds()
    {
        await using var other = await ModpodFixture.CreateAsync(StoreOptions.Default);
        await using var mine = await ModpodFixture.CreateAsync(StoreOptions.Default);
        var image = await other.EnsureBusyboxAsync();
        AddStores(mine, other);
        var archive = Path.Combine(mine.Directory, "work", "saved.tar");

        var save = await mine.RunAsync("save", "-q", "-o", archive, image);
        var load = await mine.RunAsync("load", "-q", "-i", archive);
        var own = await mine.RunAsync("images", "--filter", "readonly=false", "--format", ListFormat);

        ModpodAssert.Exit(0, save);
        ModpodAssert.Exit(0, load);
        Assert.EndsWith($"{image} false", own.Output.Trim());
    }

    private static void AddStores(ModpodFixture mine, ModpodFixture other) =>
        File.AppendAllText(
            Path.Combine(mine.Directory, "storage.conf"),
            $"\n[storage.options]\nadditionalimagestores = [ \"{other.GraphRoot}\" ]\n");
}
