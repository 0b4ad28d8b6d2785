using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ImageNamesTests : IAsyncLifetime
{
    private readonly FakeRegistry _registry = new();
    private readonly ImageStoreFixture _store = new();
    private TestImage _image = null!;
    private string _name = "";

    public async Task InitializeAsync()
    {
        _image = TestImage.Build("bin/a");
        _image.Publish(_registry, "busybox", "latest");
        _name = $"{_registry.Host}/busybox:latest";
        await _store.Images.PullAsync(_name, new PullOptions(TlsVerify: false), default);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Tagging_with_an_uppercase_repository_fails_and_adds_no_name()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.TagAsync(_name, "localhost/Ref01App:v1", default));

        Assert.Contains("repository name must be lowercase", error.Message);
        Assert.Equal([_name], (await _store.Images.ResolveAsync(_image.Id, default)).Names);
    }

    [Fact]
    public async Task Tagging_with_an_uppercase_tag_works()
    {
        await _store.Images.TagAsync(_name, "localhost/ref01app:V1", default);

        Assert.Equal(_image.Id, (await _store.Images.ResolveAsync("localhost/ref01app:V1", default)).Id);
    }

    [Fact]
    public async Task A_short_tag_is_stored_under_localhost_and_found_by_its_short_name()
    {
        await _store.Images.TagAsync(_name, "ns/app", default);

        var image = await _store.Images.ResolveAsync("ns/app", default);

        Assert.Contains("localhost/ns/app:latest", image.Names);
        Assert.Equal(_image.Id, (await _store.Images.ResolveAsync("localhost/ns/app", default)).Id);
    }

    [Fact]
    public async Task A_tag_with_a_registry_port_keeps_the_port_in_the_repository()
    {
        await _store.Images.TagAsync(_name, "localhost:5000/team/ref03:20240101", default);

        var inspect = await _store.Images.InspectAsync("localhost:5000/team/ref03:20240101", default);

        Assert.Contains("localhost:5000/team/ref03:20240101", inspect["RepoTags"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task An_image_is_found_by_id_prefix_and_by_a_unique_repository_suffix()
    {
        Assert.Equal(_image.Id, (await _store.Images.ResolveAsync(_image.Id[..12], default)).Id);
        Assert.Equal(_image.Id, (await _store.Images.ResolveAsync("busybox", default)).Id);
    }

    [Fact]
    public async Task An_unknown_name_is_not_found_naming_it()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _store.Images.ResolveAsync("nope", default));

        Assert.Equal("nope: image not known", error.Message);
    }

    [Fact]
    public async Task Removing_one_of_two_names_only_untags_it()
    {
        await _store.Images.TagAsync(_name, "extra", default);

        var lines = await _store.Images.RemoveAsync("extra", force: false, default);

        Assert.Equal(["Untagged: localhost/extra:latest"], lines);
        Assert.Single(_store.Driver.Layers);
    }

    [Fact]
    public async Task Removing_the_last_name_deletes_the_image_and_its_layers()
    {
        var lines = await _store.Images.RemoveAsync(_name, force: false, default);

        Assert.Equal([$"Untagged: {_name}", $"Deleted: {_image.Id}"], lines);
        Assert.Empty(_store.Driver.Layers);
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }

    [Fact]
    public async Task Summary_json_has_podmans_keys_with_null_repo_tags()
    {
        var image = (await _store.Images.ListAsync(false, default)).Single();

        var summary = _store.Images.Summarize(image);

        Assert.Null(summary["RepoTags"]);
        Assert.Equal(_name, (string?)summary["Names"]![0]);
        Assert.Equal(_image.ManifestDigest, (string?)summary["Digest"]);
        Assert.Equal(1704067200, (long?)summary["Created"]);
        Assert.Equal(0, (int?)summary["Containers"]);
    }
}
