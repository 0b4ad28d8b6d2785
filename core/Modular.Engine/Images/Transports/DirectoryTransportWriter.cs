using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// <c>dir:</c> as containers/image writes it: <c>version</c>, <c>manifest.json</c>, and the
/// config and layer blobs as files named by their hex digest. Layers keep their stored
/// compression unless the export asks for another.
/// </summary>
internal sealed class DirectoryTransportWriter(ImageExportPlanner planner)
{
    public const string Version = "Directory Transport Version: 1.1\n";

    public async Task WriteAsync(
        StoredImage image,
        string directory,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        if (options.Format == ManifestFormat.DockerV2Schema1)
        {
            if (options.Compression == LayerCompression.Zstd)
            {
                throw new InvalidInputException(
                    "compression format zstd is not supported by manifest type v2s1; use gzip");
            }

            await WriteSchema1Async(image, directory, cancellationToken);
            return;
        }

        var exported = await planner.WriteLayersAsync(
            image, directory, options.Compression, ensureCompressed: false, level: null, cancellationToken);
        var preferred = image.Record.ManifestMediaType == MediaTypes.OciManifest
            ? MediaTypes.OciManifest
            : MediaTypes.DockerManifest;
        var mediaType = ManifestComposer.MediaTypeFor(options.Format, exported, preferred);
        var manifest = ManifestComposer.Compose(exported, mediaType);

        foreach (var layer in exported.Layers)
        {
            File.Move(layer.TempPath, Path.Combine(directory, Digests.Hex(layer.Digest)), overwrite: true);
        }

        var configPath = Path.Combine(directory, Digests.Hex(exported.ConfigDigest));
        await File.WriteAllBytesAsync(configPath, exported.Config, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, "manifest.json"), manifest, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "version"), Version, cancellationToken);
    }

    /// <summary>
    /// A schema 1 dir: image, as <c>podman push --format v2s1 IMAGE dir:PATH</c> writes it:
    /// gzip layers (schema 1 names no media type), the empty gzip tar when a history item
    /// has no layer, and a signed manifest with empty name and tag, since dir: has neither.
    /// </summary>
    private async Task WriteSchema1Async(
        StoredImage image,
        string directory,
        CancellationToken cancellationToken)
    {
        var exported = await planner.WriteLayersAsync(
            image, directory, LayerCompression.Gzip, ensureCompressed: true, level: null, cancellationToken);
        foreach (var layer in exported.Layers)
        {
            File.Move(layer.TempPath, Path.Combine(directory, Digests.Hex(layer.Digest)), overwrite: true);
        }

        if (Schema1.Schema1Manifest.NeedsEmptyLayer(exported.Config, exported.Layers.Count))
        {
            await File.WriteAllBytesAsync(
                Path.Combine(directory, Digests.Hex(Schema1.EmptyLayer.Digest)),
                Schema1.EmptyLayer.Bytes(),
                cancellationToken);
        }

        var payload = Schema1.Schema1Manifest.Payload(
            "", "", exported.Config, [.. exported.Layers.Select(l => l.Digest)]);
        var signed = Schema1.Schema1Signer.Sign(payload, DateTimeOffset.UtcNow);
        await File.WriteAllBytesAsync(Path.Combine(directory, "manifest.json"), signed.Manifest, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "version"), Version, cancellationToken);
    }
}
