using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// registries.conf and policy.json as a user writes them, each test with its own files
/// (passed through CONTAINERS_REGISTRIES_CONF and --signature-policy) so the fixture's
/// configuration, which allows no short names, is left alone.
/// </summary>
[Collection(Collections.Registry)]
public sealed class RegistriesConfTests(RegistryFixture registry, ModpodFixture modpod) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modular-regconf-e2e-").FullName;

    private string Conf => Path.Combine(_dir, "registries.conf");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_short_name_is_pulled_from_the_search_registry_with_podmans_lines()
    {
        await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "sn-search"), "sn/search");
        Write($"""
            unqualified-search-registries = ["{registry.Address}"]
            [[registry]]
            location = "{registry.Address}"
            insecure = true
            """);

        var pull = await PullAsync("sn/search");

        ModpodAssert.Exit(0, pull);
        Assert.Contains($"Resolving \"sn/search\" using unqualified-search registries ({Conf})", pull.ErrorLines);
        Assert.Contains($"Trying to pull {registry.Address}/sn/search:latest...", pull.ErrorLines);
        ModpodAssert.Exit(0, await modpod.RunAsync("image", "exists", $"{registry.Address}/sn/search:latest"));
    }

    [Fact]
    public async Task An_alias_in_a_drop_in_wins_and_is_shown_as_podman_shows_it()
    {
        await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "sn-alias"), "sn/aliased");
        Write($"""
            unqualified-search-registries = []
            [[registry]]
            location = "{registry.Address}"
            insecure = true
            """);
        Directory.CreateDirectory(Conf + ".d");
        var dropIn = Path.Combine(Conf + ".d", "000-shortnames.conf");
        File.WriteAllText(dropIn, $"[aliases]\n\"handy\" = \"{registry.Address}/sn/aliased\"\n");

        var pull = await PullAsync("handy");

        ModpodAssert.Exit(0, pull);
        Assert.Contains($"Resolved \"handy\" as an alias ({dropIn})", pull.ErrorLines);
        Assert.Contains($"Trying to pull {registry.Address}/sn/aliased:latest...", pull.ErrorLines);
    }

    [Fact]
    public async Task A_mirror_is_tried_before_the_location_and_the_name_asked_for_is_kept()
    {
        var mirror = new RegistryFixture();
        await mirror.InitializeAsync();
        try
        {
            var fromMirror = await TestImageCatalog.UniqueAsync("x", "from-mirror");
            await mirror.PushAsync(fromMirror, "cache/app");
            await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "from-primary"), "team/app");
            Write($"""
                [[registry]]
                prefix = "example.test/team"
                location = "{registry.Address}/team"
                insecure = true
                [[registry.mirror]]
                location = "{mirror.Address}/cache"
                insecure = true
                """);

            var pull = await PullAsync("example.test/team/app:latest");
            var id = await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", "example.test/team/app");

            ModpodAssert.Exit(0, pull);
            Assert.Equal(fromMirror.Id, id.Output);
        }
        finally
        {
            await mirror.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_dead_mirror_falls_back_to_the_location()
    {
        var image = await TestImageCatalog.UniqueAsync("x", "behind-dead-mirror");
        await registry.PushAsync(image, "team/fallback");
        Write($"""
            [[registry]]
            prefix = "example.test/fb"
            location = "{registry.Address}/team"
            insecure = true
            [[registry.mirror]]
            location = "127.0.0.1:9/nothing"
            insecure = true
            """);

        var pull = await PullAsync("example.test/fb/fallback");

        ModpodAssert.Exit(0, pull);
        Assert.Equal(image.Id, (await modpod.RunAsync(
            "image", "inspect", "--format", "{{.Id}}", "example.test/fb/fallback")).Output);
    }

    [Fact]
    public async Task A_blocked_registry_is_refused_with_podmans_text_and_nothing_stored()
    {
        var (reference, _) = await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "blocked"), "bl/app");
        Write($"""
            [[registry]]
            location = "{registry.Address}/bl"
            blocked = true
            """);

        var pull = await PullAsync(reference);

        ModpodAssert.Exit(125, pull);
        Assert.Contains($"registry {registry.Address}/bl is blocked in {Conf} or {Conf}.d", pull.StandardError);
        Assert.NotEqual(0, (await modpod.RunAsync("image", "exists", reference)).ExitCode);
    }

    [Fact]
    public async Task A_policy_that_rejects_the_registry_fails_the_pull_and_stores_nothing()
    {
        var (reference, _) = await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "rejected"), "pol/app");
        Write("unqualified-search-registries = []\n");
        var policy = Path.Combine(_dir, "policy.json");
        var scope = registry.Address + "/pol";
        File.WriteAllText(
            policy,
            """{"default":[{"type":"insecureAcceptAnything"}],"transports":{"docker":{"""
            + $"\"{scope}\":" + """[{"type":"reject"}]}}}""");

        var pull = await PullAsync("--signature-policy", policy, reference);

        ModpodAssert.Exit(125, pull);
        Assert.Contains($"Running image docker://{reference} is rejected by policy.", pull.StandardError);
        Assert.NotEqual(0, (await modpod.RunAsync("image", "exists", reference)).ExitCode);
    }

    [Fact]
    public async Task A_signedBy_policy_fails_the_pull_naming_the_requirement()
    {
        var (reference, _) = await registry.PushAsync(await TestImageCatalog.UniqueAsync("x", "signed"), "pol/signed");
        Write("unqualified-search-registries = []\n");
        var policy = Path.Combine(_dir, "policy.json");
        File.WriteAllText(policy, """
            {"default":[{"type":"signedBy","keyType":"GPGKeys","keyPath":"/nonexistent.gpg"}]}
            """);

        var pull = await PullAsync("--signature-policy", policy, reference);

        ModpodAssert.Exit(125, pull);
        Assert.Single(pull.ErrorLines, l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Contains("\"signedBy\"", pull.StandardError);
    }

    private void Write(string text) => File.WriteAllText(Conf, text);

    private Task<ModpodResult> PullAsync(params string[] args) =>
        modpod.RunAsync(
            ["pull", .. args],
            new Dictionary<string, string?> { ["CONTAINERS_REGISTRIES_CONF"] = Conf });
}
