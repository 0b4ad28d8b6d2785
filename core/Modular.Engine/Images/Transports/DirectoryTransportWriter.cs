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
}
