using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class PullTests : IAsyncLifetime
{
    private static readonly PullOptions Insecure = new(TlsVerify: false);

    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_pulled_image_has_the_config_digest_as_id_and_the_manifest_digest_as_digest()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        image.Publish(_registry, "team/app", "v1");

        var pulled = await _store.Images.PullAsync($"{_registry.Host}/team/app:v1", Insecure, default);

        Assert.Equal(image.Id, pulled.Id);
        Assert.Equal(image.ManifestDigest, pulled.Digest);
        Assert.Equal([$"{_registry.Host}/team/app:v1"], pulled.Names);
        Assert.Equal([$"{_registry.Host}/team/app@{image.ManifestDigest}"], pulled.RepoDigests);
        Assert.Equal(2, _store.Driver.Layers.Count);
    }

    [Fact]
    public async Task Pull_reports_progress_like_podman_and_skips_stored_layers()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "latest");
        var first = new StringWriter();
        var second = new StringWriter();

        await _store.Images.PullAsync($"{_registry.Host}/app", Insecure with { Progress = first }, default);
        await _store.Images.PullAsync($"{_registry.Host}/app", Insecure with { Progress = second }, default);

        var blob = Digests.Hex(image.Layers[0].Digest)[..12];
        Assert.Contains($"Trying to pull {_registry.Host}/app:latest...", first.ToString());
        Assert.Contains($"Copying blob {blob} done", first.ToString());
        Assert.Contains($"Copying blob {blob} skipped: already exists", second.ToString());
        Assert.Contains("Writing manifest to image destination", second.ToString());
    }

    [Fact]
    public async Task Inspect_shows_podmans_keys_and_the_registry_digest()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "latest");
        await _store.Images.PullAsync($"{_registry.Host}/app", Insecure, default);

        var inspect = await _store.Images.InspectAsync($"{_registry.Host}/app:latest", default);

        Assert.Equal(image.ManifestDigest, (string?)inspect["Digest"]);
        Assert.Equal(image.Id, (string?)inspect["Id"]);
        Assert.Equal("yes", (string?)inspect["Labels"]?["test"]);
        Assert.Equal("layers", (string?)inspect["RootFS"]?["Type"]);
        Assert.Equal("vfs", (string?)inspect["GraphDriver"]?["Name"]);
    }

    [Fact]
    public async Task A_second_image_sharing_a_layer_never_fetches_that_layer_again()
    {
        var first = TestImage.Build("bin/a");
        var second = TestImage.Build("bin/a", "etc/b");
        first.Publish(_registry, "one", "latest");
        second.Publish(_registry, "two", "latest");
        await _store.Images.PullAsync($"{_registry.Host}/one", Insecure, default);

        await _store.Images.PullAsync($"{_registry.Host}/two", Insecure, default);

        Assert.Equal(0, _registry.Count($"two/blobs/{second.Layers[0].Digest}"));
        Assert.Equal(1, _registry.Count($"two/blobs/{second.Layers[1].Digest}"));
        Assert.Equal(2, _store.Driver.Layers.Count);
    }

    [Fact]
    public async Task A_blob_that_does_not_match_its_digest_is_refused_and_the_store_is_unchanged()
    {
        await _store.Images.PullAsync(Publish(TestImage.Build("bin/ok"), "good"), Insecure, default);
        var before = _store.Files();
        var layersBefore = _store.Driver.Layers.Keys.Order().ToList();
        var image = TestImage.Build("bin/a", "etc/b");
        image.Publish(_registry, "bad", "latest");
        var (digest, blob) = image.Layers[1];
        _registry.Content[$"bad/blobs/{digest}"] = ("application/octet-stream", [.. blob.Select(b => (byte)~b)]);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.PullAsync($"{_registry.Host}/bad", Insecure, default));

        Assert.Contains(digest, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, _store.Files());
        Assert.Equal(layersBefore, _store.Driver.Layers.Keys.Order().ToList());
        Assert.Single(await _store.Images.ListAsync(false, default));
    }

    [Fact]
    public async Task A_layer_whose_content_differs_from_the_configs_diff_id_is_refused_and_rolled_back()
    {
        var image = TestImage.Build("bin/a");
        var other = TestImage.Build("bin/z");
        var lying = TestImageWithConfig(image, other);
        lying.Publish(_registry, "liar", "latest");

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.PullAsync($"{_registry.Host}/liar", Insecure, default));

        Assert.Contains("diff id", error.Message);
        Assert.Empty(_store.Driver.Layers);
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }

    [Fact]
    public async Task A_short_name_is_refused_naming_it_when_no_search_registries_are_configured()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.PullAsync("busybox", Insecure, default));

        Assert.Contains("short-name \"busybox\"", error.Message);
    }

    [Fact]
    public async Task An_unknown_tag_is_not_found_and_the_store_stays_empty()
    {
        await Assert.ThrowsAsync<NotFoundException>(
            () => _store.Images.PullAsync($"{_registry.Host}/nothing:here", Insecure, default));

        Assert.DoesNotContain(_store.Files(), f => !f.EndsWith(".json"));
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }

    private string Publish(TestImage image, string repository)
    {
        image.Publish(_registry, repository, "latest");
        return $"{_registry.Host}/{repository}";
    }

    // The manifest is rebuilt so its config descriptor matches the swapped config: only the
    // diff id check can catch the lie.
    private static TestImage TestImageWithConfig(TestImage image, TestImage configSource)
    {
        var manifest = System.Text.Encoding.UTF8.GetString(image.Manifest)
            .Replace(Digests.Of(image.Config), Digests.Of(configSource.Config))
            .Replace($"\"size\":{image.Config.Length},", $"\"size\":{configSource.Config.Length},");
        return image with { Config = configSource.Config, Manifest = System.Text.Encoding.UTF8.GetBytes(manifest) };
    }
}
