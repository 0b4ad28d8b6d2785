using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ImageEventsTests : IAsyncLifetime
{
    private static readonly PullOptions Insecure = new(TlsVerify: false);

    private readonly RecordingEventLog _log = new();
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store;

    public ImageEventsTests() => _store = new ImageStoreFixture(events: _log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Pull_tag_untag_and_remove_are_recorded_as_image_events_with_the_image_id()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "v1");
        var reference = $"{_registry.Host}/app:v1";

        await _store.Images.PullAsync(reference, Insecure, default);
        await _store.Images.TagAsync(reference, "example.com/other:2", default);
        await _store.Images.RemoveAsync("example.com/other:2", false, default);
        await _store.Images.RemoveAsync(reference, false, default);

        Assert.Equal(
            [
                $"image pull {reference}",
                "image tag example.com/other:2",
                "image untag example.com/other:2",
                "image remove example.com/other:2",
                $"image untag {reference}",
                $"image remove {reference}",
            ],
            _log.Lines);
        Assert.All(_log.Events, e => Assert.Equal(image.Id, e.Id));
    }

    [Fact]
    public async Task Load_records_one_loadfromarchive_event_per_loaded_image()
    {
        var image = TestImage.Build("bin/a");
        var archive = Path.Combine(_store.Root, "image.tar");
        ArchiveWriter.Docker(image, archive, "busybox:latest");

        await _store.Images.LoadAsync(archive, default);

        var loaded = Assert.Single(_log.Events);
        Assert.Equal("image loadfromarchive localhost/busybox:latest", _log.Lines[0]);
        Assert.Equal(image.Id, loaded.Id);
    }

    [Fact]
    public async Task A_pull_still_succeeds_when_the_event_cannot_be_written()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "v1");
        _log.Fail = true;

        var pulled = await _store.Images.PullAsync($"{_registry.Host}/app:v1", Insecure, default);

        Assert.Equal(image.Id, pulled.Id);
        Assert.Single(await _store.Images.ListAsync(false, default));
    }

    [Fact]
    public async Task The_image_service_works_without_an_event_log()
    {
        using var store = new ImageStoreFixture();
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "v1");

        var pulled = await store.Images.PullAsync($"{_registry.Host}/app:v1", Insecure, default);

        Assert.Equal(image.Id, pulled.Id);
    }
}
