using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>container prune: every container not running, --filter label/until, Podman's texts.</summary>
[Collection(Collections.Containers)]
public sealed class ContainerPruneTests(ModpodFixture modpod)
{
    [Fact]
    public async Task Prune_removes_stopped_containers_matching_the_filters_and_prints_their_ids()
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            var keep = (await modpod.RunAsync("run", "-d", "--name", "pr-up", "--label", "pr=1", "--network", "none", image, "sleep", "600")).Output;
            var gone = (await modpod.RunAsync("create", "--name", "pr-a", "--label", "pr=1", "--network", "none", image, "true")).Output;
            var other = (await modpod.RunAsync("create", "--name", "pr-b", "--label", "pr=2", "--network", "none", image, "true")).Output;

            var none = await modpod.RunAsync("container", "prune", "-f", "--filter", "label=pr=1", "--filter", "until=1h");
            var prune = await modpod.RunAsync("container", "prune", "-f", "--filter", "label=pr=1", "--filter", "label!=pr=2");

            ModpodAssert.Exit(0, none);
            Assert.Equal("", none.Output);
            ModpodAssert.Exit(0, prune);
            Assert.Equal([gone], prune.Lines);
            Assert.True(await modpod.ContainerExistsAsync(keep));
            Assert.True(await modpod.ContainerExistsAsync(other));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "pr-up", "pr-a", "pr-b");
        }
    }

    [Theory]
    [InlineData("bogus=1", "Error: bogus is an invalid filter")]
    [InlineData("bogus", "Error: filter input must be in the form of filter=value: bogus is invalid")]
    [InlineData("until=yesterday", "Error: failed to parse value \"yesterday\" as a time or duration")]
    public async Task A_bad_filter_is_refused_and_nothing_is_removed(string filter, string message)
    {
        var image = await modpod.EnsureBusyboxAsync();
        try
        {
            await modpod.RunAsync("create", "--name", "pr-bad", "--network", "none", image, "true");

            var prune = await modpod.RunAsync("container", "prune", "-f", "--filter", filter);

            ModpodAssert.Exit(125, prune);
            Assert.Equal(message, prune.StandardError.Trim());
            Assert.True(await modpod.ContainerExistsAsync("pr-bad"));
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "pr-bad");
        }
    }
}
