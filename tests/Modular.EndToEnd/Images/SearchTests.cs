using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// <c>search</c> against a docker-registry on 127.0.0.1: distribution has no v1 search, so
/// the catalog is listed and filtered by the term, as Podman does.
/// </summary>
[Collection(Collections.Registry)]
public sealed class SearchTests(ModpodFixture modpod, RegistryFixture registry)
{
    private async Task<string> PushAsync(string repository, string tag = "latest")
    {
        var image = await TestImageCatalog.BusyboxAsync();
        var (reference, _) = await registry.PushAsync(image, repository, tag);
        return reference;
    }

    [Fact]
    public async Task Search_lists_matching_repositories_with_Podmans_header_full_match_first()
    {
        await PushAsync("srch/zeta-found");
        await PushAsync("srch/zeta");

        var search = await modpod.RunAsync("search", "--tls-verify=false", $"{registry.Address}/srch/zeta");

        ModpodAssert.Exit(0, search);
        var lines = search.Lines;
        Assert.Equal(["NAME", "DESCRIPTION"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"{registry.Address}/srch/zeta", lines[1].Trim());
        Assert.Equal($"{registry.Address}/srch/zeta-found", lines[2].Trim());
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task Search_json_limit_and_template_show_Podmans_fields()
    {
        await PushAsync("srch/json-a");
        await PushAsync("srch/json-b");
        var term = $"{registry.Address}/srch/json-";

        var json = await modpod.RunAsync("search", "--tls-verify=false", "--format", "json", term);
        var limited = await modpod.RunAsync("search", "--tls-verify=false", "--limit", "1", "--format", "{{.Index}} {{.Name}}", term);
        var none = await modpod.RunAsync("search", "--tls-verify=false", $"{registry.Address}/no-such-thing-here");

        ModpodAssert.Exit(0, json);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        var first = doc.RootElement[0];
        Assert.Equal(
            ["Index", "Name", "Description", "Stars", "Official", "Automated", "Tag"],
            first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(registry.Address, first.GetProperty("Index").GetString());
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        ModpodAssert.Exit(0, limited);
        Assert.Equal($"{registry.Address} {registry.Address}/srch/json-a", limited.Output);
        ModpodAssert.Exit(0, none);
        Assert.Equal("", none.Output);
    }

    [Fact]
    public async Task List_tags_prints_name_and_tag_and_json_groups_the_tags()
    {
        await PushAsync("srch/tagged", "v1");
        await PushAsync("srch/tagged", "v2");
        var term = $"{registry.Address}/srch/tagged";

        var table = await modpod.RunAsync("search", "--tls-verify=false", "--list-tags", term);
        var json = await modpod.RunAsync("search", "--tls-verify=false", "--list-tags", "--format", "json", term);
        var filtered = await modpod.RunAsync("search", "--tls-verify=false", "--list-tags", "--filter", "stars=1", term);

        ModpodAssert.Exit(0, table);
        Assert.Equal(["NAME", "TAG"], table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            [$"{term} v1", $"{term} v2"],
            table.Lines.Skip(1).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Order().ToArray());
        using var doc = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(term, doc.RootElement[0].GetProperty("Name").GetString());
        Assert.Equal(2, doc.RootElement[0].GetProperty("Tags").GetArrayLength());
        ModpodAssert.Exit(125, filtered);
        Assert.Equal("Error: filters are not applicable to list tags result", filtered.StandardError.Trim());
    }

    [Fact]
    public async Task Bad_filters_and_an_unreachable_registry_fail_in_one_line_with_exit_125()
    {
        var badType = await modpod.RunAsync("search", "--filter", "colour=red", "127.0.0.1:1/x");
        var badStars = await modpod.RunAsync("search", "--filter", "stars=many", "127.0.0.1:1/x");
        var down = await modpod.RunAsync("search", "--tls-verify=false", "127.0.0.1:1/x");

        ModpodAssert.Exit(125, badType);
        Assert.Equal("Error: invalid filter type \"colour=red\"", badType.StandardError.Trim());
        ModpodAssert.Exit(125, badStars);
        Assert.StartsWith("Error: incorrect value type for stars filter", badStars.StandardError.Trim());
        ModpodAssert.Exit(125, down);
        Assert.Single(down.ErrorLines);
        Assert.Contains("couldn't search registry \"127.0.0.1:1\"", down.StandardError);
    }

    [Fact]
    public async Task Filters_keep_only_what_matches_and_catalog_entries_are_never_official()
    {
        await PushAsync("srch/filt");
        var term = $"{registry.Address}/srch/filt";

        var official = await modpod.RunAsync("search", "--tls-verify=false", "--filter", "is-official", term);
        var notOfficial = await modpod.RunAsync(
            "search", "--tls-verify=false", "--filter", "is-official=false", "--format", "{{.Name}}", term);
        var compatible = await modpod.RunAsync("search", "--tls-verify=false", "--compatible", term);

        ModpodAssert.Exit(0, official);
        Assert.Equal("", official.Output);
        Assert.Equal(term, notOfficial.Output);
        Assert.Equal(
            ["NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"],
            compatible.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
