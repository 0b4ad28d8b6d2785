using System.Text.Json.Nodes;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// pull of several images in one command, --retry, and an image whose last build step
/// stored a layer without files (what a squashed build of LABEL/WORKDIR/CMD leaves).
/// </summary>
[Collection(Collections.Registry)]
public sealed class PullManyTests(RegistryFixture registry, ModpodFixture modpod)
{
    [Fact]
    public async Task Pull_of_two_images_pulls_both_and_prints_both_ids()
    {
        var (first, _) = await registry.PushAsync(await TestImageCatalog.BusyboxAsync(), "pullmany/one");
        var (second, _) = await registry.PushAsync(
            await TestImageCatalog.UniqueAsync("localhost/pullmany/two:latest", "pullmany-two"), "pullmany/two");

        var pull = await modpod.RunAsync("pull", "-q", "--retry", "0", "--tls-verify=false", first, second);

        ModpodAssert.Exit(0, pull);
        Assert.Equal(2, pull.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        ModpodAssert.Exit(0, await modpod.RunAsync("image", "exists", second));
    }

    [Fact]
    public async Task An_image_with_an_empty_top_layer_pulls_and_its_history_sizes_follow_its_layers()
    {
        var image = await PodmanSuiteImages.TestImageAsync("localhost/pullmany/testimage:1", "amd64");
        var (reference, _) = await registry.PushAsync(image, "pullmany/testimage");

        var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", reference);
        var history = await modpod.RunAsync("history", "--format", "json", reference);

        ModpodAssert.Exit(0, pull);
        var entries = JsonNode.Parse(history.Output)!.AsArray();
        Assert.Equal(5, entries.Count);
        Assert.Equal(1024, entries[0]!["size"]!.GetValue<long>());
        Assert.All(entries.Skip(1).Take(3), e => Assert.Equal(0, e!["size"]!.GetValue<long>()));
        Assert.Equal("<missing>", entries[1]!["id"]!.ToString());
    }
}
