using System.IO.Compression;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>Opens a layer blob as an uncompressed tar stream: gzip is detected by its magic.</summary>
internal static class LayerStreams
{
    public static async Task<Stream> DecompressAsync(
        Stream blob,
        CancellationToken cancellationToken)
    {
        var buffered = new BufferedStream(blob, 1 << 16);
        var magic = new byte[4];
        var n = await buffered.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken);
        var head = new MemoryStream(magic, 0, n);
        var whole = new ConcatenatedStream(head, buffered);
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return new GZipStream(whole, CompressionMode.Decompress);
        }

        if (n == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
        {
            // Limitation: zstd layers need a decompressor the BCL lacks; refuse them plainly.
            throw new InvalidInputException("zstd-compressed layers are not supported");
        }

        return whole;
    }
}
