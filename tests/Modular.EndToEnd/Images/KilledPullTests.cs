using System.Diagnostics;
using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// `modpod pull` killed with SIGKILL at points observed from outside (a throttling proxy
/// on loopback, the store's layers.json): the image list stays as it was, no layer is left
/// that no image uses, and the next pull fetches only the blobs it does not have yet.
/// </summary>
[Collection(Collections.Registry)]
public sealed class KilledPullTests(RegistryFixture registry, ModpodFixture modpod)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killed_after_the_manifest_the_store_is_unchanged_and_the_pull_then_succeeds()
    {
        var image = await TestImageCatalog.RandomLayersAsync("x", 2, 2 << 20, seed: 11);
        await registry.PushAsync(image, "kill/manifest");
        await using var proxy = new ThrottlingProxy(registry.Address) { StallOn = "/blobs/", StallAfterBytes = 0 };
        var reference = $"{proxy.Address}/kill/manifest:latest";
        var before = await SnapshotAsync();

        await KillWhenAsync(reference, proxy.Stalled);

        Assert.Equal(before, await SnapshotAsync());
        proxy.StallOn = null;
        ModpodAssert.Exit(0, await modpod.RunAsync("pull", "--tls-verify=false", reference));
        Assert.Equal(image.Id, (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", reference)).Output);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_blob_the_next_pull_fetches_only_what_it_lacked()
    {
        var image = await TestImageCatalog.RandomLayersAsync("x", 4, 8 << 20, seed: 12);
        await registry.PushAsync(image, "kill/midblob");
        var stalled = image.Layers[^1].GzipDigest;
        await using var proxy = new ThrottlingProxy(registry.Address) { StallOn = stalled, StallAfterBytes = 1 << 20 };
        var reference = $"{proxy.Address}/kill/midblob:latest";
        var before = await SnapshotAsync();
        var others = image.Layers.Skip(1).SkipLast(1).Select(l => l.GzipDigest).ToList();

        await KillWhenAsync(reference, Task.WhenAll(proxy.Stalled, CachedAsync(others)));
        var afterKill = await SnapshotAsync();
        var seen = proxy.Requests.Count;
        proxy.StallOn = null;
        var again = await modpod.RunAsync("pull", "--tls-verify=false", reference);
        var second = proxy.Requests.Skip(seen).ToList();

        Assert.Equal(before, afterKill);
        ModpodAssert.Exit(0, again);
        Assert.Contains(second, r => r.Contains(stalled, StringComparison.Ordinal));
        Assert.All(others, d => Assert.DoesNotContain(second, r => r.Contains(d, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Killed_between_the_layers_and_the_image_record_no_layer_is_left_and_no_blob_refetched()
    {
        var image = await TestImageCatalog.RandomLayersAsync("x", 4, 24 << 20, seed: 13);
        await registry.PushAsync(image, "kill/commit");
        await using var proxy = new ThrottlingProxy(registry.Address);
        var reference = $"{proxy.Address}/kill/commit:latest";
        var before = await SnapshotAsync();

        await KillWhenAsync(reference, IncompleteLayerAsync());
        var afterKill = await SnapshotAsync();
        var seen = proxy.Requests.Count;
        var again = await modpod.RunAsync("pull", "--tls-verify=false", reference);
        var second = proxy.Requests.Skip(seen).ToList();

        Assert.Equal(before, afterKill);
        ModpodAssert.Exit(0, again);
        Assert.All(image.Layers.Skip(1), l => Assert.DoesNotContain(second, r => r.Contains(l.GzipDigest, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task What_a_killed_pull_left_goes_with_the_next_pull_and_image_prune()
    {
        var image = await TestImageCatalog.RandomLayersAsync("x", 3, 8 << 20, seed: 14);
        await registry.PushAsync(image, "kill/leftover");
        var stalled = image.Layers[^1].GzipDigest;
        await using var proxy = new ThrottlingProxy(registry.Address) { StallOn = stalled, StallAfterBytes = 1 << 20 };
        var others = image.Layers.Skip(1).SkipLast(1).Select(l => l.GzipDigest).ToList();
        var partial = Path.Combine(PullBlobs, stalled[7..] + ".partial");
        await KillWhenAsync($"{proxy.Address}/kill/leftover:latest", Task.WhenAll(proxy.Stalled, CachedAsync(others)));
        var leftAfterKill = File.Exists(partial);
        var other = await TestImageCatalog.RandomLayersAsync("y", 2, 1 << 20, seed: 15);
        await registry.PushAsync(other, "kill/other");

        var pull = await modpod.RunAsync("pull", "-q", "--tls-verify=false", $"{registry.Address}/kill/other:latest");
        var afterOtherPull = File.Exists(partial);
        var kept = others.All(d => File.Exists(Path.Combine(PullBlobs, d[7..])));
        var prune = await modpod.RunAsync("image", "prune", "-f");

        Assert.True(leftAfterKill, "the kill left no .partial file: the test proves nothing");
        ModpodAssert.Exit(0, pull);
        Assert.False(afterOtherPull, "the next pull left the killed pull's .partial file");
        Assert.True(kept, "finished blobs of the killed pull are kept for a day, for its rerun");
        ModpodAssert.Exit(0, prune);
        Assert.Empty(Directory.Exists(PullBlobs) ? Directory.GetFiles(PullBlobs) : []);
        await modpod.RunAsync("rmi", $"{registry.Address}/kill/other:latest");
    }

    private string PullBlobs => Path.Combine(modpod.GraphRoot, "tmp", "pull-blobs");

    /// <summary>Starts the pull, waits for <paramref name="point"/>, and SIGKILLs modpod by its PID.</summary>
    private async Task KillWhenAsync(string reference, Task point)
    {
        var (pid, completion) = modpod.Start("pull", "--tls-verify=false", reference);
        var reached = await Task.WhenAny(point, completion, Task.Delay(Bound));
        Process.GetProcessById(pid).Kill();
        var result = await completion;
        Assert.True(reached == point, $"the kill point was not reached: {result}");
    }

    /// <summary>Images (after the recovery `images` runs) and every layer id in layers.json.</summary>
    private async Task<string> SnapshotAsync()
    {
        var images = await modpod.RunAsync("images", "-a", "-q", "--no-trunc");
        var file = Path.Combine(modpod.GraphRoot, "layers", "layers.json");
        using var json = JsonDocument.Parse(File.Exists(file) ? File.ReadAllText(file) : "[]");
        var layers = json.RootElement.EnumerateArray().Select(l => l.GetProperty("id").GetString()).Order();
        return string.Join(",", images.Lines.Order()) + " | " + string.Join(",", layers);
    }

    // Bounded polling of files the pull writes: they are the observable points of a pull.
    private async Task CachedAsync(IReadOnlyList<string> digests)
    {
        var directory = Path.Combine(modpod.GraphRoot, "tmp", "pull-blobs");
        var clock = Stopwatch.StartNew();
        while (!digests.All(d => File.Exists(Path.Combine(directory, d[7..]))))
        {
            if (clock.Elapsed > Bound)
            {
                throw new TimeoutException("the pull never finished the other blobs");
            }

            await Task.Delay(20);
        }
    }

    private async Task IncompleteLayerAsync()
    {
        var file = Path.Combine(modpod.GraphRoot, "layers", "layers.json");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            try
            {
                if (File.Exists(file) && File.ReadAllText(file).Contains("\"incomplete\":true", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (IOException)
            {
                // Replaced while we read it; read again.
            }

            await Task.Delay(2);
        }
    }
}
