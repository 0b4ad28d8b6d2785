using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

[Collection(Collections.Containers)]
public sealed class ConcurrencyTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Twenty_concurrent_detached_runs_get_twenty_distinct_names_and_no_errors()
    {
        var image = await modpod.EnsureBusyboxAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            modpod.RunAsync("run", "-d", "--label", "concurrent=20", image, "sleep", "300")));
        var names = await modpod.RunAsync(
            "ps", "--filter", "label=concurrent=20", "--format", "{{.Names}}");

        Assert.All(runs, r => Assert.True(r.ExitCode == 0 && r.StandardError.Length == 0, r.ToString()));
        Assert.Equal(20, names.Lines.Distinct().Count());
        var ids = runs.Select(r => r.Output).ToArray();
        await modpod.RunAsync(["rm", "-f", "-t", "0", .. ids], null);
    }
}
