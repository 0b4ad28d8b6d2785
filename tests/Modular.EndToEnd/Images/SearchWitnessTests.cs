using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// <c>search</c> next to the Podman witness, both against one docker-registry on
/// 127.0.0.1 (fully qualified terms only): the same headers, JSON keys and names.
/// </summary>
[Collection(Collections.Transports)]
public sealed class SearchWitnessTests(ModpodFixture modpod, WitnessFixture witness) : IAsyncLifetime
{
    private readonly RegistryFixture _registry = new();

    public async Task InitializeAsync()
    {
        await _registry.InitializeAsync();
        await _registry.PushAsync(await TestImageCatalog.BusyboxAsync(), "wit/searched", "v1");
    }

    public Task DisposeAsync() => _registry.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("--compatible")]
    [InlineData("--list-tags")]
    public async Task Table_headers_and_rows_match_Podman(string flag)
    {
        var args = new List<string> { "search", "--tls-verify=false" };
        if (flag.Length > 0)
        {
            args.Add(flag);
        }

        args.Add($"{_registry.Address}/wit/searched");

        var ours = await modpod.RunAsync([.. args], null);
        var theirs = await witness.PodmanAsync([.. args]);

        ModpodAssert.Exit(0, theirs);
        ModpodAssert.Exit(0, ours);
        Assert.Equal(Words(theirs.Lines), Words(ours.Lines));
    }

    [Fact]
    public async Task Json_keys_match_Podman()
    {
        string[] args = ["search", "--tls-verify=false", "--format", "json", $"{_registry.Address}/wit/searched"];

        var ours = await modpod.RunAsync(args, null);
        var theirs = await witness.PodmanAsync(args);

        ModpodAssert.Exit(0, theirs);
        ModpodAssert.Exit(0, ours);
        Assert.Equal(Keys(theirs.StandardOutput), Keys(ours.StandardOutput));
        Assert.Equal(Names(theirs.StandardOutput), Names(ours.StandardOutput));
    }

    private static IReadOnlyList<string> Words(IReadOnlyList<string> lines) =>
        [.. lines.Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];

    private static string[] Keys(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().Order()];
    }

    private static string[] Names(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetProperty("Name").GetString() ?? "")];
    }
}
