using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class IncompleteLayerTests : IDisposable
{
    private readonly ImageStoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_layer_left_incomplete_by_a_killed_pull_is_removed_by_the_next_write()
    {
        var state = await _store.Store.ReadAsync(default);
        state.PutLayer(new LayerRecord("deadbeef", null, null, null, 0, Incomplete: true, IsContainerLayer: false));
        await _store.Store.WriteAsync(state, default);
        await _store.Driver.CreateLayerAsync("deadbeef", null, default);
        var archive = Path.Combine(_store.Root, "image.tar");
        ArchiveWriter.Docker(TestImage.Build("bin/a"), archive, "app:1");

        await _store.Images.LoadAsync(archive, default);

        Assert.DoesNotContain("deadbeef", _store.Driver.Layers.Keys);
        Assert.Null((await _store.Store.ReadAsync(default)).FindLayer("deadbeef"));
    }
}
