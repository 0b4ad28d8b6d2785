namespace Modular.Engine.Images.Transports;

/// <summary>
/// Writes one stored layer as a blob with the compression an export wants: the kept blob
/// byte for byte when it already has that compression, otherwise its tar recompressed. The
/// result's digest is always of the bytes written, so it hashes to what the manifest says.
/// gzip and zstd are written with <see cref="BlobEncodings"/>; <c>level</c> is the
/// algorithm's (--compression-level), gzip defaulting to the fastest as before.
/// </summary>
internal sealed class LayerExporter(StorageDriverAccess drivers)
{
    public async Task<ExportedBlob> WriteAsync(
        StoredLayer layer,
        string directory,
        LayerCompression wanted,
        bool ensureCompressed,
        int? level,
        CancellationToken cancellationToken)
    {
        var temp = Path.Combine(directory, $".layer-{Guid.NewGuid():N}.tmp");
        try
        {
            var current = layer.KeptBlob is null
                ? LayerCompression.None
                : await BlobCompression.DetectAsync(layer.KeptBlob, cancellationToken);
            var target = BlobCompression.Target(current, wanted, ensureCompressed);
            if (layer.KeptBlob is not null && target == current)
            {
                File.Copy(layer.KeptBlob, temp);
                var (digest, size) = await ArchiveBlobs.HashAsync(temp, cancellationToken);
                var diffId = current == LayerCompression.None ? digest : layer.DiffId;
                return new ExportedBlob(temp, digest, size, current, diffId);
            }

            return await RecompressAsync(layer, temp, target, level, cancellationToken);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private async Task<ExportedBlob> RecompressAsync(
        StoredLayer layer,
        string temp,
        LayerCompression target,
        int? level,
        CancellationToken cancellationToken)
    {
        string diffId;
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await using var compressed = target switch
            {
                LayerCompression.Gzip => BlobEncodings.OpenCompressing(output, BlobEncoding.Gzip, level ?? 1),
                LayerCompression.Zstd => BlobEncodings.OpenCompressing(output, BlobEncoding.Zstd, level),
                _ => new NonClosingStream(output),
            };
            await using var hashing = new HashingWriteStream(compressed);
            await WriteTarAsync(layer, hashing, cancellationToken);
            diffId = hashing.Digest();
        }

        var (digest, size) = await ArchiveBlobs.HashAsync(temp, cancellationToken);
        return new ExportedBlob(temp, digest, size, target, diffId);
    }

    private async Task WriteTarAsync(StoredLayer layer, Stream tar, CancellationToken cancellationToken)
    {
        if (layer.KeptBlob is not null)
        {
            await using var blob = File.OpenRead(layer.KeptBlob);
            await using var plain = await LayerStreams.DecompressAsync(blob, cancellationToken);
            await plain.CopyToAsync(tar, cancellationToken);
            return;
        }

        // No kept blob (stored before blobs were kept): the tar is rebuilt from the driver,
        // so its diff id may differ from the config's and the exporter rewrites the config.
        var driver = await drivers.GetAsync(cancellationToken);
        await EntryTarWriter.WriteAsync(driver.DiffAsync(layer.Id, cancellationToken), tar, cancellationToken);
    }
}
