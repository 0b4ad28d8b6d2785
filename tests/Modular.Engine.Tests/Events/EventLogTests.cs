using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;
using Modular.Engine.Tests.Plugins;
using Xunit;

namespace Modular.Engine.Tests.Events;

public sealed class EventLogTests : IAsyncLifetime
{
    private readonly PluginFolders _folders = new();
    private EngineHost? _host;

    private IEventLog Events => _host!.Services.GetRequiredService<IEventLog>();

    private string LogPath => _host!.Options.EventsLogFilePath!;

    public Task InitializeAsync()
    {
        _host = _folders.CreateHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task An_appended_event_is_one_line_with_podmans_keys_under_runroot()
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

        await Events.AppendAsync(Died("abc", time), CancellationToken.None);

        Assert.Equal(Path.Combine(_folders.RunRoot, "events", "events.log"), LogPath);
        var line = Assert.Single(File.ReadAllLines(LogPath));
        var json = JsonNode.Parse(line)!.AsObject();
        Assert.Equal(
            ["ContainerExitCode", "ID", "Image", "Name", "Status", "Type", "time", "timeNano", "Attributes"],
            json.Select(p => p.Key));
        Assert.Equal(3, json["ContainerExitCode"]!.GetValue<int>());
        Assert.Equal("localhost/busybox:latest", json["Image"]!.GetValue<string>());
        Assert.Equal(1_700_000_000, json["time"]!.GetValue<long>());
        Assert.Equal(1_700_000_000_123_000_000, json["timeNano"]!.GetValue<long>());
        Assert.Equal("localhost/busybox:latest", json["Attributes"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_returns_the_events_between_since_and_until()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        foreach (var (id, offset) in new[] { ("a", 0), ("b", 10), ("c", 20) })
        {
            await Events.AppendAsync(Died(id, start.AddSeconds(offset)), CancellationToken.None);
        }

        var all = await ReadAllAsync(null, null);
        var middle = await ReadAllAsync(start.AddSeconds(5), start.AddSeconds(15));

        Assert.Equal(["a", "b", "c"], all.Select(e => e.Id));
        Assert.Equal(["b"], middle.Select(e => e.Id));
        Assert.Equal("3", all[0].Attributes[EventJson.ExitCodeAttribute]);
        Assert.Equal(start, all[0].Time);
    }

    [Fact]
    public async Task Streaming_follows_events_appended_later()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reader = Events.ReadAsync(null, null, stream: true, cancel.Token).GetAsyncEnumerator();
        var next = reader.MoveNextAsync();

        await Events.AppendAsync(Died("later", DateTimeOffset.Now), CancellationToken.None);

        Assert.True(await next);
        Assert.Equal("later", reader.Current.Id);
    }

    [Fact]
    public async Task Streaming_without_since_shows_only_new_events()
    {
        await Events.AppendAsync(Died("old", DateTimeOffset.Now), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reader = Events.ReadAsync(null, null, stream: true, cancel.Token).GetAsyncEnumerator();
        var next = reader.MoveNextAsync();

        await Events.AppendAsync(Died("new", DateTimeOffset.Now), CancellationToken.None);

        Assert.True(await next);
        Assert.Equal("new", reader.Current.Id);
    }

    [Fact]
    public async Task A_hook_plugin_that_is_not_installed_does_not_stop_events()
    {
        _folders.Config.Environment["MODULAR_CONF"] = _folders.Config.Write(
            "hooks.conf",
            $"[modular]\nplugin_dirs = [\"{_folders.PluginDirectory}\"]\nhook_plugins = [\"absent\"]\n");
        await using var host = _folders.CreateHost();
        var events = host.Services.GetRequiredService<IEventLog>();

        await events.AppendAsync(Died("hooked", DateTimeOffset.Now), CancellationToken.None);

        Assert.Contains("\"hooked\"", File.ReadAllText(host.Options.EventsLogFilePath!));
    }

    [Fact]
    public async Task A_hook_plugin_named_in_modular_conf_is_told_about_each_event()
    {
        var folder = _folders.InstallRecordingHook();
        await using var host = _folders.CreateHost();
        var events = host.Services.GetRequiredService<IEventLog>();

        await events.AppendAsync(Died("h1", DateTimeOffset.Now), CancellationToken.None);
        await events.AppendAsync(Died("h2", DateTimeOffset.Now), CancellationToken.None);

        Assert.Equal(
            ["container died h1", "container died h2"],
            File.ReadAllLines(Path.Combine(folder, "hook.log")));
    }

    [Fact]
    public async Task A_hook_plugin_hears_every_status_the_log_writes_checkpoint_included()
    {
        var folder = _folders.InstallRecordingHook();
        await using var host = _folders.CreateHost();
        var events = host.Services.GetRequiredService<IEventLog>();

        foreach (var status in new[] { "create", "start", "died", "checkpoint", "restore", "remove" })
        {
            await events.AppendAsync(Died("c1", DateTimeOffset.Now) with { Status = status }, CancellationToken.None);
        }

        Assert.Equal(
            ["create", "start", "died", "checkpoint", "restore", "remove"],
            File.ReadAllLines(Path.Combine(folder, "hook.log")).Select(line => line.Split(' ')[1]));
    }

    [Fact]
    public async Task Concurrent_appends_give_whole_lines()
    {
        var appends = Enumerable.Range(0, 64)
            .Select(i => Events.AppendAsync(Died($"c{i}", DateTimeOffset.Now), CancellationToken.None));

        await Task.WhenAll(appends);

        var events = await ReadAllAsync(null, null);
        Assert.Equal(64, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task No_log_file_yet_reads_as_no_events()
    {
        var events = await ReadAllAsync(null, null);

        Assert.Empty(events);
    }

    private async Task<List<EngineEvent>> ReadAllAsync(DateTimeOffset? since, DateTimeOffset? until)
    {
        var events = new List<EngineEvent>();
        await foreach (var engineEvent in Events.ReadAsync(since, until, stream: false, CancellationToken.None))
        {
            events.Add(engineEvent);
        }

        return events;
    }

    private static EngineEvent Died(string id, DateTimeOffset time) => new(
        "container",
        "died",
        id,
        $"name-{id}",
        time,
        new Dictionary<string, string>
        {
            [EventJson.ImageAttribute] = "localhost/busybox:latest",
            [EventJson.ExitCodeAttribute] = "3",
        });
}
