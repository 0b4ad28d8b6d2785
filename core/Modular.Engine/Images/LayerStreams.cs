namespace Modular.Engine.Images;

/// <summary>
/// Opens a layer blob as an uncompressed tar stream: gzip and zstd are detected by their
/// magic, whatever the media type claims, as containers/image does.
/// </summary>
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
        var kind = BlobCompressions.Detect(magic.AsSpan(0, n));
        return BlobCompressions.OpenDecompressing(whole, kind);
    }
}
