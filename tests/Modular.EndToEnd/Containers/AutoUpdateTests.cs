using System.Text.Json;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// <c>auto-update</c> without systemd: --dry-run reports local-policy containers as
/// pending or false; a container without PODMAN_SYSTEMD_UNIT gets Podman's error; a real
/// update needs systemd's D-Bus, which this machine lacks.
/// </summary>
[Collection(Collections.Containers)]
public sealed class AutoUpdateTests(ModpodFixture modpod) : IAsyncLifetime
{
    private const string Tag = "localhost/autoupdate-test:latest";
    private readonly List<string> _containers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _containers)
        {
            await modpod.RunAsync("rm", "-f", "-t0", id);
        }

        await modpod.RunAsync("rmi", "-f", Tag);
    }

    private async Task<string> StartAsync(params string[] labels)
    {
        var args = new List<string> { "run", "-d", "--network", "none" };
        args.AddRange(labels.SelectMany(l => new[] { "--label", l }));
        args.AddRange([Tag, "sleep", "300"]);
        var run = await modpod.RunAsync([.. args], null);
        ModpodAssert.Exit(0, run);
        _containers.Add(run.Output);
        return run.Output;
    }

    [Fact]
    public async Task Dry_run_reports_false_then_pending_when_the_name_moves_to_another_image()
    {
        var busybox = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("tag", busybox, Tag));
        var id = await StartAsync("io.containers.autoupdate=local", "PODMAN_SYSTEMD_UNIT=au-test.service");

        var before = await modpod.RunAsync("auto-update", "--dry-run");
        ModpodAssert.Exit(0, await modpod.RunAsync("commit", "-q", id, Tag));
        var after = await modpod.RunAsync("auto-update", "--dry-run", "--format", "json");
        var real = await modpod.RunAsync("auto-update");

        ModpodAssert.Exit(0, before);
        Assert.Equal(
            ["UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED"],
            before.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = before.Lines.Single(l => l.Contains(id[..12], StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("au-test.service", row[0]);
        Assert.Equal(["local", "false"], row[^2..]);
        ModpodAssert.Exit(0, after);
        using var doc = JsonDocument.Parse(after.StandardOutput);
        var mine = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("ContainerID").GetString() == id);
        Assert.Equal("pending", mine.GetProperty("Updated").GetString());
        Assert.Equal(
            ["Unit", "Container", "ContainerName", "ContainerID", "Image", "Policy", "Updated"],
            mine.EnumerateObject().Select(p => p.Name).ToArray());
        ModpodAssert.Exit(125, real);
        Assert.Contains("/run/systemd/private", real.StandardError);
    }

    [Fact]
    public async Task A_container_without_a_unit_label_and_stray_arguments_are_Podmans_errors()
    {
        var busybox = await modpod.EnsureBusyboxAsync();
        ModpodAssert.Exit(0, await modpod.RunAsync("tag", busybox, Tag));
        var id = await StartAsync("io.containers.autoupdate=registry");

        var result = await modpod.RunAsync("auto-update", "--dry-run");
        var stray = await modpod.RunAsync("auto-update", "extra");

        ModpodAssert.Exit(125, result);
        Assert.Contains($"auto-updating container \"{id}\": no PODMAN_SYSTEMD_UNIT label found", result.StandardError);
        ModpodAssert.Exit(125, stray);
        Assert.Equal("Error: `modpod auto-update` takes no arguments", stray.StandardError.Trim());
    }
}
