using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class LoadTests : IDisposable
{
    private readonly ImageStoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_docker_archive_loads_with_short_names_under_localhost()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        var archive = Path.Combine(_store.Root, "image.tar");
        ArchiveWriter.Docker(image, archive, "busybox:latest");

        var names = await _store.Images.LoadAsync(archive, default);

        Assert.Equal(["localhost/busybox:latest"], names);
        Assert.Equal(image.Id, (await _store.Images.ResolveAsync("busybox", default)).Id);
        Assert.Equal(2, _store.Driver.Layers.Count);
    }

    [Fact]
    public async Task A_loaded_image_leaves_its_layers_complete_for_the_next_process()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        var archive = Path.Combine(_store.Root, "image.tar");
        ArchiveWriter.Docker(image, archive, "busybox:latest");

        await _store.Images.LoadAsync(archive, default);

        // A layer still flagged incomplete is removed by the next modpod that opens the
        // store, as if a pull had been killed: the image would lose its layers.
        var state = await _store.Store.ReadAsync(default);
        Assert.Equal(2, state.Layers.Count);
        Assert.DoesNotContain(state.Layers, layer => layer.Incomplete);
    }

    [Fact]
    public async Task An_oci_archive_keeps_its_manifest_digest_and_reference_name()
    {
        var image = TestImage.Build("bin/a");
        var archive = Path.Combine(_store.Root, "image.oci.tar");
        ArchiveWriter.Oci(image, archive, "example.com/team/app:v2");

        var names = await _store.Images.LoadAsync(archive, default);

        Assert.Equal(["example.com/team/app:v2"], names);
        Assert.Equal(image.ManifestDigest, (await _store.Images.ResolveAsync(names[0], default)).Digest);
    }

    [Fact]
    public async Task An_oci_archive_without_a_name_loads_as_its_id()
    {
        var image = TestImage.Build("bin/a");
        var archive = Path.Combine(_store.Root, "image.oci.tar");
        ArchiveWriter.Oci(image, archive, null);

        var names = await _store.Images.LoadAsync(archive, default);

        Assert.Equal([$"sha256:{image.Id}"], names);
    }

    [Fact]
    public async Task An_oci_archive_with_a_corrupted_layer_is_refused_and_nothing_is_stored()
    {
        var image = TestImage.Build("bin/a", "etc/b");
        var (digest, blob) = image.Layers[1];
        var corrupted = image with { Layers = [image.Layers[0], (digest, [.. blob.Reverse()])] };
        var archive = Path.Combine(_store.Root, "bad.oci.tar");
        ArchiveWriter.Oci(corrupted, archive, "example.com/bad:1");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => _store.Images.LoadAsync(archive, default));

        Assert.Contains(digest, error.Message);
        Assert.Empty(_store.Driver.Layers);
        Assert.Empty(await _store.Images.ListAsync(false, default));
        Assert.Empty(Directory.GetFileSystemEntries(_store.Store.TempDirectory));
    }

    [Fact]
    public async Task A_file_that_is_no_image_archive_is_refused()
    {
        var archive = Path.Combine(_store.Root, "empty.tar");
        ArchiveWriter.Oci(TestImage.Build("bin/a"), archive, null);
        await File.WriteAllBytesAsync(archive, new byte[1024]);

        await Assert.ThrowsAsync<InvalidInputException>(() => _store.Images.LoadAsync(archive, default));
    }
}
