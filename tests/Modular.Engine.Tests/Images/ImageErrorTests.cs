using System.Text;
using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Modular.Engine.Tests.Registry;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ImageErrorTests : IAsyncLifetime
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
    public async Task Loading_a_text_file_says_it_is_not_an_archive_naming_the_file_on_one_line()
    {
        var path = Path.Combine(_store.Root, "passwd");
        await File.WriteAllTextAsync(path, "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1::/:/bin/false\n");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => _store.Images.LoadAsync(path, default));

        Assert.StartsWith($"loading \"{path}\": not a docker-archive or oci-archive", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }

    [Fact]
    public async Task Loading_a_directory_says_it_is_a_directory()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.LoadAsync(_store.Root, default));

        Assert.Equal($"loading \"{_store.Root}\": is a directory, not an archive", error.Message);
    }

    [Fact]
    public async Task Pulling_from_a_closed_port_says_connection_refused_naming_the_reference()
    {
        var error = await Assert.ThrowsAsync<BackendException>(
            () => _store.Images.PullAsync("127.0.0.1:1/x:y", Insecure, default));

        Assert.Equal("pulling \"127.0.0.1:1/x:y\": connection refused", error.Message);
    }

    [Fact]
    public async Task A_garbage_manifest_is_refused_on_one_line_naming_the_reference()
    {
        _registry.Content["app/manifests/v1"] = (MediaTypes.DockerManifest, Encoding.UTF8.GetBytes("garbage\n{"));
        var reference = $"{_registry.Host}/app:v1";

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _store.Images.PullAsync(reference, Insecure, default));

        Assert.StartsWith($"pulling \"{reference}\": invalid manifest", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_truncated_blob_fails_the_pull_naming_the_reference_and_stores_nothing()
    {
        var image = TestImage.Build("bin/a");
        image.Publish(_registry, "app", "v1");
        _registry.Truncated[$"app/blobs/{image.Layers[0].Digest}"] = true;
        var reference = $"{_registry.Host}/app:v1";

        var error = await Assert.ThrowsAnyAsync<ModularException>(
            () => _store.Images.PullAsync(reference, Insecure, default));

        Assert.StartsWith($"pulling \"{reference}\": ", error.Message);
        Assert.DoesNotContain("ResponseEnded", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(_store.Driver.Layers);
        Assert.Empty(await _store.Images.ListAsync(false, default));
    }
}
