using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class RegistriesConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modular-regconf-").FullName;

    private string Main => Path.Combine(_dir, "registries.conf");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_drop_in_replaces_the_search_list_and_adds_aliases_in_name_order()
    {
        Write(Main, """
            unqualified-search-registries = ["a.example"]
            [aliases]
            "tool" = "a.example/ns/tool"
            """);
        WriteDropIn("010-b.conf", """
            unqualified-search-registries = ["b.example", "c.example"]
            [aliases]
            "tool" = "b.example/ns/tool"
            """);
        WriteDropIn("000-shortnames.conf", """
            [aliases]
            "other" = "a.example/other"
            """);

        var conf = RegistriesConfig.Load(Main);

        Assert.Equal(["b.example", "c.example"], conf.UnqualifiedSearchRegistries);
        Assert.Equal("b.example/ns/tool", conf.Alias("tool")!.Value);
        Assert.EndsWith("010-b.conf", conf.Alias("tool")!.Origin);
        Assert.Equal("a.example/other", conf.Alias("other")!.Value);
        Assert.EndsWith("010-b.conf", conf.SearchOrigin);
    }

    [Fact]
    public void An_empty_alias_in_a_later_drop_in_removes_the_alias()
    {
        Write(Main, "[aliases]\n\"tool\" = \"a.example/tool\"\n");
        WriteDropIn("50.conf", "[aliases]\n\"tool\" = \"\"\n");

        Assert.Null(RegistriesConfig.Load(Main).Alias("tool"));
    }

    [Fact]
    public void An_alias_resolves_first_and_keeps_the_tag_typed()
    {
        Write(Main, """
            unqualified-search-registries = ["a.example"]
            [aliases]
            "ns/app" = "b.example/team/app"
            """);

        var resolution = ShortNameResolver.Resolve("ns/app:v2", RegistriesConfig.Load(Main), false);

        Assert.Equal(["b.example/team/app:v2"], resolution.Candidates.Select(c => c.ToString()));
        Assert.Equal($"Resolved \"ns/app\" as an alias ({Main})", resolution.Description);
    }

    [Fact]
    public void Search_registries_are_tried_in_order_in_permissive_mode()
    {
        Write(Main, """
            unqualified-search-registries = ["a.example", "docker.io"]
            short-name-mode = "permissive"
            """);

        var resolution = ShortNameResolver.Resolve("busybox", RegistriesConfig.Load(Main), false);

        Assert.Equal(
            ["a.example/busybox:latest", "docker.io/library/busybox:latest"],
            resolution.Candidates.Select(c => c.ToString()));
        Assert.Equal(
            $"Resolving \"busybox\" using unqualified-search registries ({Main})",
            resolution.Description);
    }

    [Fact]
    public void Enforcing_mode_without_a_terminal_refuses_an_ambiguous_short_name()
    {
        Write(Main, """
            unqualified-search-registries = ["a.example", "b.example"]
            short-name-mode = "enforcing"
            """);

        var error = Assert.Throws<InvalidInputException>(
            () => ShortNameResolver.Resolve("busybox", RegistriesConfig.Load(Main), false));

        Assert.Equal("short-name resolution enforced but cannot prompt without a TTY", error.Message);
    }

    [Fact]
    public void Enforcing_mode_with_one_search_registry_needs_no_prompt()
    {
        Write(Main, "unqualified-search-registries = [\"a.example\"]\nshort-name-mode = \"enforcing\"\n");

        var resolution = ShortNameResolver.Resolve("busybox", RegistriesConfig.Load(Main), false);

        Assert.Equal("a.example/busybox:latest", resolution.Candidates.Single().ToString());
    }

    [Fact]
    public void A_short_name_without_alias_or_search_registry_is_refused_naming_the_file()
    {
        Write(Main, "unqualified-search-registries = []\n");

        var error = Assert.Throws<InvalidInputException>(
            () => ShortNameResolver.Resolve("busybox", RegistriesConfig.Load(Main), false));

        Assert.Equal(
            $"short-name \"busybox\" did not resolve to an alias and no unqualified-search "
            + $"registries are defined in \"{Main}\"",
            error.Message);
    }

    [Fact]
    public void Mirrors_come_first_then_the_location_and_digest_only_mirrors_skip_tags()
    {
        Write(Main, """
            [[registry]]
            prefix = "example.com/team"
            location = "real.example/team"
            [[registry.mirror]]
            location = "m1.example/cache"
            insecure = true
            [[registry.mirror]]
            location = "m2.example/team"
            pull-from-mirror = "digest-only"
            """);
        var conf = RegistriesConfig.Load(Main);

        var byTag = conf.PullSources(ImageReference.Parse("example.com/team/app:v1"), null);
        var digest = "sha256:" + new string('a', 64);
        var byDigest = conf.PullSources(ImageReference.Parse("example.com/team/app@" + digest), null);

        Assert.Equal(
            ["m1.example/cache/app:v1", "real.example/team/app:v1"],
            byTag.Select(s => s.Reference.ToString()));
        Assert.Equal([true, false], byTag.Select(s => s.Insecure));
        Assert.Equal(3, byDigest.Count);
        Assert.Equal("m2.example/team/app@" + digest, byDigest[1].Reference.ToString());
    }

    [Fact]
    public void The_longest_prefix_wins_and_a_wildcard_matches_subdomains()
    {
        Write(Main, """
            [[registry]]
            location = "example.com"
            [[registry]]
            prefix = "example.com/blocked"
            location = "example.com/blocked"
            blocked = true
            [[registry]]
            prefix = "*.corp.example"
            location = "mirror.example"
            insecure = true
            """);
        var conf = RegistriesConfig.Load(Main);

        Assert.True(conf.Find("example.com/blocked/app")!.Blocked);
        Assert.False(conf.Find("example.com/blockedish/app")!.Blocked);
        Assert.True(conf.Find("reg.corp.example/app")!.Insecure);
        Assert.Null(conf.Find("corp.example.org/app"));
    }

    [Fact]
    public void An_unknown_short_name_mode_is_refused_naming_the_file()
    {
        Write(Main, "short-name-mode = \"sometimes\"\n");

        var error = Assert.Throws<InvalidInputException>(() => RegistriesConfig.Load(Main));

        Assert.Contains(Main, error.Message);
        Assert.Contains("invalid short name mode \"sometimes\"", error.Message);
    }

    private static void Write(string path, string text) => File.WriteAllText(path, text);

    private void WriteDropIn(string name, string text)
    {
        Directory.CreateDirectory(Main + ".d");
        Write(Path.Combine(Main + ".d", name), text);
    }
}
