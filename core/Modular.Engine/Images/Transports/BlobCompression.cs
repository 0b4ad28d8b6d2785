namespace Modular.Engine.Images.Transports;

/// <summary>Recognises a blob's compression by its magic bytes, and picks what to write.</summary>
internal static class BlobCompression
{
    public static async Task<LayerCompression> DetectAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var magic = new byte[4];
        var n = await file.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken);
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return LayerCompression.Gzip;
        }

        return n == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd
            ? LayerCompression.Zstd
            : LayerCompression.None;
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
