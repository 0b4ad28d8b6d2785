using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class RegistriesConfPullTests : IAsyncLifetime
{
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new();
    private readonly TestImage _image = TestImage.Build("bin/a", "etc/b");

    public Task InitializeAsync()
    {
        _image.Publish(_registry, "tools/app", "latest");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_short_name_is_pulled_from_an_insecure_unqualified_search_registry()
    {
        await WriteConfAsync($"""
            unqualified-search-registries = ["{_registry.Host}"]
            [[registry]]
            location = "{_registry.Host}"
            insecure = true
            """);

        var image = await _store.Images.PullAsync("tools/app", new PullOptions(), default);

        Assert.Equal([$"{_registry.Host}/tools/app:latest"], image.Names);
    }

    [Fact]
    public async Task A_prefix_is_fetched_from_its_location_but_keeps_the_name_asked_for()
    {
        await WriteConfAsync($"""
            [[registry]]
            prefix = "example.com/mirrored"
            location = "{_registry.Host}/tools"
            insecure = true
            """);

        var image = await _store.Images.PullAsync("example.com/mirrored/app", new PullOptions(), default);

        Assert.Equal(["example.com/mirrored/app:latest"], image.Names);
        Assert.Equal(_image.Id, image.Id);
    }

    [Fact]
    public async Task Two_concurrent_pulls_of_one_image_fetch_each_layer_once()
    {
        var name = $"{_registry.Host}/tools/app";
        var options = new PullOptions(TlsVerify: false);

        await Task.WhenAll(
            _store.Images.PullAsync(name, options, default),
            _store.Images.PullAsync(name, options, default));

        Assert.All(_image.Layers, l => Assert.Equal(1, _registry.Count($"blobs/{l.Digest}")));
        Assert.Single(await _store.Images.ListAsync(false, default));
    }

    private Task WriteConfAsync(string text) =>
        File.WriteAllTextAsync(_store.Options.RegistriesConfPath!, text);
}
