using System.Runtime.CompilerServices;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class RefusedLayerTests : IAsyncLifetime
{
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new(RefusingReader);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_layer_the_tar_reader_refuses_fails_the_pull_and_removes_every_layer_it_made()
    {
        var good = TestImage.Build("bin/ok");
        good.Publish(_registry, "good", "latest");
        await _store.Images.PullAsync($"{_registry.Host}/good", new PullOptions(TlsVerify: false), default);
        var before = _store.Files();
        var hostile = TestImage.Build("bin/a", "evil/x");
        hostile.Publish(_registry, "hostile", "latest");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => _store.Images.PullAsync(
            $"{_registry.Host}/hostile", new PullOptions(TlsVerify: false), default));

        Assert.Contains("evil/x", error.Message);
        Assert.Equal(before, _store.Files());
        Assert.Single(_store.Driver.Layers);
        Assert.Single(await _store.Images.ListAsync(false, default));
    }

    // Stands in for the hardened reader refusing an entry (a '..' name, say): it throws
    // when it meets a path under evil/, after the layers below were applied.
    private static async IAsyncEnumerable<LayerEntry> RefusingReader(
        Stream layer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in FakeLayerReader.ReadAsync(layer, cancellationToken))
        {
            if (entry.Path.StartsWith("evil/", StringComparison.Ordinal))
            {
                throw new InvalidInputException($"layer entry {entry.Path} is refused");
            }

            yield return entry;
        }
    }
}
