using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class BlobEncodingTests
{
    [Theory]
    [InlineData(BlobEncoding.Zstd)]
    [InlineData(BlobEncoding.Gzip)]
    public async Task A_compressed_layer_decompresses_to_what_was_compressed(BlobEncoding encoding)
    {
        var data = new byte[200_000];
        new Random(4).NextBytes(data.AsSpan(0, 100_000));
        using var compressed = new MemoryStream();
        await using (var stream = BlobEncodings.OpenCompressing(compressed, encoding, null))
        {
            await stream.WriteAsync(data);
        }

        compressed.Position = 0;
        await using var tar = await LayerStreams.DecompressAsync(compressed, default);
        using var back = new MemoryStream();
        await tar.CopyToAsync(back);

        Assert.Equal(encoding, BlobEncodings.Detect(compressed.ToArray()));
        Assert.Equal(data, back.ToArray());
    }
}
