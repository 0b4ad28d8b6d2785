using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class KeptBlobTests : IDisposable
{
    private readonly ImageStoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_loaded_layer_keeps_its_blob_byte_for_byte_until_the_image_is_removed()
    {
        var image = TestImage.Build("bin/a");
        var archive = Path.Combine(_store.Root, "image.oci.tar");
        ArchiveWriter.Oci(image, archive, "example.com/kept:v1");
        await _store.Images.LoadAsync(archive, default);
        var blobs = new LayerBlobs(_store.Store);
        var diffId = (await _store.Images.ResolveAsync("example.com/kept:v1", default)).DiffIds[0];

        var kept = blobs.Find(diffId);
        var bytes = await File.ReadAllBytesAsync(kept!.Path);
        await _store.Images.RemoveAsync("example.com/kept:v1", false, default);
        var afterRemove = blobs.Find(diffId);

        Assert.NotNull(kept);
        Assert.Equal(image.Layers[0].Digest, kept.Digest);
        Assert.Equal(image.Layers[0].Blob, bytes);
        Assert.Equal(BlobCompression.Gzip, kept.Compression);
        Assert.Null(afterRemove);
    }

    [Fact]
    public async Task A_zstd_stream_decompresses_to_what_was_compressed()
    {
        var data = new byte[200_000];
        new Random(4).NextBytes(data.AsSpan(0, 100_000));
        using var compressed = new MemoryStream();
        await using (var zstd = BlobCompressions.OpenCompressing(compressed, BlobCompression.Zstd, null))
        {
            await zstd.WriteAsync(data);
        }

        compressed.Position = 0;
        await using var tar = await LayerStreams.DecompressAsync(compressed, default);
        using var back = new MemoryStream();
        await tar.CopyToAsync(back);

        Assert.Equal(BlobCompression.Zstd, BlobCompressions.Detect(compressed.ToArray()));
        Assert.Equal(data, back.ToArray());
    }
}
