using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// ps --filter, --sort, --size, --last and their errors, on containers this class labels
/// ps-test=1 so that other tests' containers in the shared store do not count.
/// </summary>
[Collection(Collections.Containers)]
public sealed class PsFilterTests(ModpodFixture modpod)
{
    private const string Mine = "label=ps-test=1";

    [Fact]
    public async Task Filters_of_one_key_are_alternatives_and_keys_combine()
    {
        await CreateThreeAsync("psf");

        Assert.Equal(["psf-a", "psf-b"], await NamesAsync(Mine, "name=psf-a", "name=psf-b"));
        Assert.Equal(["psf-b"], await NamesAsync(Mine, "label=tier=web", "name=psf-b"));
        Assert.Equal(["psf-a"], await NamesAsync(Mine, "label=tier=web", "label!=extra"));
        Assert.Equal(["psf-c"], await NamesAsync(Mine, "exited=3"));
        Assert.Equal(["psf-a", "psf-b"], await NamesAsync(Mine, "status=created"));
        Assert.Equal(["psf-c"], await NamesAsync(Mine, "status=exited"));
        Assert.Equal(["psf-a", "psf-b", "psf-c"], await NamesAsync(Mine, "ancestor=localhost/busybox:latest"));
        Assert.Equal(["psf-a", "psf-b", "psf-c"], await NamesAsync(Mine, "ancestor=busybox"));
        Assert.Equal(["psf-a"], await NamesAsync(Mine, "before=psf-b"));
        Assert.Equal(["psf-c"], await NamesAsync(Mine, "since=psf-b"));
        Assert.Equal(["psf-b"], await NamesAsync(Mine, "volume=/data"));
        Assert.Equal(["psf-a", "psf-b", "psf-c"], await NamesAsync(Mine, "health=none"));
        Assert.Empty(await NamesAsync(Mine, "pod=anything"));
        Assert.Equal(["psf-c"], await NamesAsync(Mine, "restart-policy=no"));
        Assert.Equal(["psf-c"], await NamesAsync(Mine, "command=^sh$"));
        Assert.Equal(["psf-b"], await NamesAsync(Mine, "expose=8080"));
        Assert.Equal(["psf-a", "psf-b", "psf-c"], await NamesAsync(Mine, "until=4102444800"));
        Assert.Empty(await NamesAsync(Mine, "until=1000000000"));
        await RemoveAsync("psf");
    }

    [Fact]
    public async Task Bad_filters_fail_with_podmans_words_and_change_nothing()
    {
        await modpod.EnsureBusyboxAsync();

        await AssertErrorAsync("Error: bogus is an invalid filter", "--filter", "bogus=1");
        await AssertErrorAsync("Error: invalid filter \"nokey\"", "--filter", "nokey");
        await AssertErrorAsync("Error: unknown container state: sleepy: invalid argument", "-f", "status=sleepy");
        await AssertErrorAsync("Error: never invalid restart policy", "-f", "restart-policy=never");
        await AssertErrorAsync("Error: specify exactly one timestamp for until", "-f", "until=1s", "-f", "until=2s");
        await AssertErrorAsync("Error: last and latest are mutually exclusive", "--last", "1", "--latest");
        await AssertErrorAsync("Error: quiet conflicts with size and namespace", "-q", "--size");
        await AssertErrorAsync("Error: size and namespace options conflict", "--size", "--ns");
        await AssertErrorAsync(
            "Error: invalid argument \"bogus\" for \"--sort\" flag: \"bogus\" is not a valid value.  "
            + "Choose from: \"command, created, id, image, names, runningfor, size, status\"",
            "--sort", "bogus");
    }

    [Fact]
    public async Task Sort_last_and_size_follow_podman()
    {
        await CreateThreeAsync("pss");

        Assert.Equal(["pss-c", "pss-b", "pss-a"], await ListAsync(Mine));
        Assert.Equal(["pss-a", "pss-b", "pss-c"], await ListAsync(Mine, "--sort", "created"));
        Assert.Equal(["pss-a", "pss-b", "pss-c"], await ListAsync(Mine, "--sort", "names"));
        Assert.Equal(["pss-c", "pss-b"], await ListAsync(Mine, "--last", "2"));
        Assert.Equal(["pss-c"], await ListAsync(Mine, "--latest"));

        var table = await modpod.RunAsync("ps", "-a", "--size", "--filter", "name=pss-a");
        Assert.EndsWith("SIZE", table.Lines[0]);
        Assert.Matches(@"\s0B \(virtual [0-9.]+[kM]B\)$", table.Lines[1]);
        var json = JsonNode.Parse((await modpod.RunAsync("ps", "-a", "--size", "--format", "json", "-f", "name=pss-a")).Output)!;
        Assert.Equal(0, json[0]!["Size"]!["rwSize"]!.GetValue<long>());
        Assert.True(json[0]!["Size"]!["rootFsSize"]!.GetValue<long>() > 0);
        var plain = JsonNode.Parse((await modpod.RunAsync("ps", "-a", "--format", "json", "-f", "name=pss-a")).Output)!;
        Assert.Null(plain[0]!["Size"]);
        await RemoveAsync("pss");
    }

    // a and b are created only; b has a volume, a second label and an exposed port;
    // c ran "sh -c 'exit 3'" with --restart no.
    private async Task CreateThreeAsync(string prefix)
    {
        var image = await modpod.EnsureBusyboxAsync();
        await RemoveAsync(prefix);
        await OkAsync(0, "create", "--name", $"{prefix}-a", "--label", "ps-test=1", "--label", "tier=web", image, "true");
        await OkAsync(
            0, "create", "--name", $"{prefix}-b", "--label", "ps-test=1", "--label", "tier=web",
            "--label", "extra=1", "-v", "/data", "--expose", "8080", image, "true");
        await OkAsync(
            0, "create", "--name", $"{prefix}-c", "--label", "ps-test=1", "--restart", "no",
            "--network", "none", image, "sh", "-c", "exit 3");
        await OkAsync(3, "start", "--attach", $"{prefix}-c");
    }

    private async Task OkAsync(int expectedExit, params string[] args)
    {
        var result = await modpod.RunAsync(args);
        Assert.True(result.ExitCode == expectedExit, string.Join(' ', args) + ": " + result);
    }

    /// <summary>Names of the containers matching every filter, sorted by name.</summary>
    private async Task<IReadOnlyList<string>> NamesAsync(params string[] filters) =>
        (await ListAsync(filters[0], [.. filters[1..].SelectMany(f => new[] { "--filter", f })]))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Names in the order ps prints them.</summary>
    private async Task<IReadOnlyList<string>> ListAsync(string filter, params string[] flags)
    {
        var result = await modpod.RunAsync(["ps", "-a", "--format", "{{.Names}}", "--filter", filter, .. flags]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Lines;
    }

    private async Task AssertErrorAsync(string expected, params string[] flags)
    {
        var result = await modpod.RunAsync(["ps", "-a", .. flags]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(expected, result.StandardError.Trim());
    }

    private async Task RemoveAsync(string prefix)
    {
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            await modpod.RunAsync("rm", "-f", "-v", $"{prefix}-{suffix}");
        }
    }
}
