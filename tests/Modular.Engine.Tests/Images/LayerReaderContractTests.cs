using System.Runtime.CompilerServices;
using Modular.Contracts.Storage;
using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class LayerReaderContractTests : IAsyncLifetime
{
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new(DisposingReader);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_pull_still_verifies_diff_ids_when_the_tar_reader_disposes_its_stream()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        image.Publish(_registry, "app", "latest");

        var pulled = await _store.Images.PullAsync(
            $"{_registry.Host}/app", new PullOptions(TlsVerify: false), default);

        Assert.Equal(image.Id, pulled.Id);
        Assert.Equal(2, _store.Driver.Layers.Count);
    }

    // The engine's reader is written elsewhere; nothing says it leaves our stream open.
    private static async IAsyncEnumerable<LayerEntry> DisposingReader(
        Stream layer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (layer)
        {
            await foreach (var entry in FakeLayerReader.ReadAsync(layer, cancellationToken))
            {
                yield return entry;
            }
        }
    }
}
