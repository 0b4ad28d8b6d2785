namespace Modular.Engine.Images.Transports;

/// <summary>Recognises a blob's compression by its magic bytes, and picks what to write.</summary>
internal static class BlobCompression
{
    public static async Task<LayerCompression> DetectAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken);
        return BlobEncodings.Detect(magic.AsSpan(0, n)) switch
        {
            BlobEncoding.Gzip => LayerCompression.Gzip,
            BlobEncoding.Zstd => LayerCompression.Zstd,
            _ => LayerCompression.None,
        };
    }

    /// <summary>
    /// What to write for a blob that is <paramref name="current"/>. With
    /// <paramref name="ensureCompressed"/> (oci layouts, as containers/image's Compress), a
    /// plain blob gets gzip and a compressed one stays; docker-archive asks for None.
    /// </summary>
    public static LayerCompression Target(
        LayerCompression current,
        LayerCompression wanted,
        bool ensureCompressed)
    {
        if (wanted != LayerCompression.Preserve)
        {
            return wanted;
        }

        return ensureCompressed && current == LayerCompression.None ? LayerCompression.Gzip : current;
    }
}
