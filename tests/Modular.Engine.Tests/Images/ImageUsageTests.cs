using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Errors;
using Modular.Contracts.Storage;
using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ImageUsageTests : IAsyncLifetime
{
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _fixture = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_fixture.Options)
            .AddSingleton<IStorageDriver>(_fixture.Driver)
            .AddSingleton<LayerEntryReader>(FakeLayerReader.ReadAsync)
            .AddModularImages()
            .AddSingleton<IImageUsage, FakeImageUsage>()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _registry.DisposeAsync();
        _fixture.Dispose();
    }

    [Fact]
    public async Task An_image_used_by_a_container_is_not_removed_without_force()
    {
        var images = _services.GetRequiredService<IImageService>();
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "used", "latest");
        await images.PullAsync($"{_registry.Host}/used", new PullOptions(TlsVerify: false), default);

        var error = await Assert.ThrowsAsync<WrongStateException>(
            () => images.RemoveAsync($"{_registry.Host}/used", force: false, default));

        Assert.Contains("image is in use by a container", error.Message);
        Assert.Single(await images.ListAsync(false, default));
    }

    /// <summary>Stands in for the containers work's IImageUsage: every image has one user.</summary>
    private sealed class FakeImageUsage : IImageUsage
    {
        public Task<IReadOnlyList<string>> ContainersUsingAsync(string imageId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["c0ffee"]);
    }
}
