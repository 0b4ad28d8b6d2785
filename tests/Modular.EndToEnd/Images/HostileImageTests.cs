using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// Hostile pulls are refused with exit 125, one line, and the image list unchanged,
/// or (for symlink tricks) confined inside the image; nothing lands outside the store.
/// </summary>
[Collection(Collections.Hostile)]
public sealed class HostileImageTests(RegistryFixture registry, ModpodFixture modpod) : IDisposable
{
    private readonly Canary _canary = new();

    public static TheoryData<string> RefusedKinds => new() { "dotdot", "hardlink-escape", "duplicate" };

    public static TheoryData<string, string> ConfinedKinds => new()
    {
        { "symlink-root-write", "overlay" },
        { "symlink-root-write", "vfs" },
        { "etc-symlink", "overlay" },
        { "etc-symlink", "vfs" },
    };

    public void Dispose() => _canary.Dispose();

    [Fact]
    public async Task A_blob_that_does_not_match_its_digest_is_refused_and_the_store_is_unchanged()
    {
        var image = await TestImageCatalog.UniqueAsync("localhost/corrupt:latest", Guid.NewGuid().ToString("N"));
        var (reference, _) = await registry.PushAsync(image, "hostile/corrupt");
        await registry.CorruptBlobAsync(image.Layers[^1].GzipDigest);

        await AssertRefusedAsync(modpod, reference);
    }

    [Theory]
    [MemberData(nameof(RefusedKinds))]
    public async Task A_layer_escaping_its_root_is_refused_with_one_line_and_the_store_is_unchanged(string kind)
    {
        var image = await ImageKinds.BuildAsync(kind, "localhost/" + kind + ":latest", _canary.Name + "/x", "t");
        var (reference, _) = await registry.PushAsync(image, "hostile/" + kind);

        await AssertRefusedAsync(modpod, reference);

        Assert.True(_canary.Untouched);
    }

    [Theory]
    [MemberData(nameof(ConfinedKinds))]
    public async Task A_write_through_a_symlink_is_refused_or_stays_inside_the_image(string kind, string driver)
    {
        await using var store = new OwnedStore(await ModpodFixture.CreateAsync(new StoreOptions(Driver: driver)));
        var marker = kind == "etc-symlink" ? _canary.EtcName : _canary.Name + "/x";
        var image = await ImageKinds.BuildAsync(kind, "localhost/" + kind + ":latest", marker, "t");
        var (reference, _) = await registry.PushAsync(image, "hostile/" + kind);

        var pull = await store.Fixture.RunAsync("pull", "--tls-verify=false", reference);

        Assert.True(pull.ExitCode is 0 or 125, pull.ToString());
        if (pull.ExitCode == 125)
        {
            Assert.Single(pull.ErrorLines, l => l.StartsWith("Error: ", StringComparison.Ordinal));
        }
        else
        {
            await AssertConfinedAsync(store.Fixture, kind, reference, marker);
            var id = await store.Fixture.RunAsync("image", "inspect", "--format", "{{.Id}}", reference);
            Assert.Equal(image.Id, id.Output);
        }

        Assert.True(_canary.Untouched);
    }

    [Fact]
    public async Task An_absolute_symlink_inside_the_image_resolves_inside_it()
    {
        var image = await TestImageCatalog.AbsoluteSymlinkAsync("localhost/abs:latest");
        var (reference, _) = await registry.PushAsync(image, "hostile/absolute-symlink");
        await modpod.RunAsync("pull", "--tls-verify=false", reference);

        var passwd = await modpod.RunAsync("run", "--rm", reference, "cat", "/srv/passwd");
        var run = await modpod.RunAsync(
            "run", "--rm", reference, "sh", "-c",
            "echo via-var-run > /var/run/probe && cat /run/probe /srv/run/probe");

        ModpodAssert.Exit(0, passwd);
        Assert.StartsWith("root:x:0:0:", passwd.Output);
        Assert.Equal("via-var-run\nvia-var-run", run.Output);
    }

    // Accepted means chrooted resolution: for l -> / the file lands in the image's own /tmp.
    private static async Task AssertConfinedAsync(
        ModpodFixture store,
        string kind,
        string reference,
        string marker)
    {
        Assert.Equal(0, (await store.RunAsync("image", "exists", reference)).ExitCode);
        if (kind == "symlink-root-write")
        {
            var cat = await store.RunAsync("run", "--rm", reference, "cat", "/tmp/" + marker);
            Assert.Equal("pwned", cat.Output);
        }
    }

    private static async Task AssertRefusedAsync(ModpodFixture modpod, string reference)
    {
        var before = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");

        var pull = await modpod.RunAsync("pull", "--tls-verify=false", reference);

        var after = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        ModpodAssert.Exit(125, pull);
        // Progress lines may precede it, as with Podman; the failure itself is one line.
        Assert.Single(pull.ErrorLines, l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Equal(before.Lines.Order(), after.Lines.Order());
        Assert.False((await modpod.RunAsync("image", "exists", reference)).ExitCode == 0);
    }
}
