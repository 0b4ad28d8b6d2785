using Modular.Contracts.Errors;
using Modular.Engine.Files;

namespace Modular.Engine.Images.Transports;

/// <summary>The file transports over the local store (see <see cref="IImageTransports"/>).</summary>
internal sealed partial class ImageTransports(
    StoredImageReader reader,
    DirectoryTransportWriter dirWriter,
    OciLayoutWriter ociWriter,
    DockerArchiveWriter dockerWriter,
    ImageStore store,
    ImageWriter writer,
    ImageEvents events,
    IImageService images) : IImageTransports
{
    public Task ExportAsync(
        string imageNameOrId,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken) =>
        ExportManyAsync([imageNameOrId], destination, options, cancellationToken);

    public async Task ExportManyAsync(
        IReadOnlyList<string> imageNamesOrIds,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        if (imageNamesOrIds.Count == 0)
        {
            throw new InvalidInputException("no image to write");
        }

        if (imageNamesOrIds.Count > 1 && destination.Kind != TransportKind.DockerArchive)
        {
            throw new InvalidInputException(
                $"{destination.Transport}: only docker-archive can hold more than one image");
        }

        if (options.Format == ManifestFormat.DockerV2Schema1 && destination.Kind != TransportKind.Directory)
        {
            // Registries (push) and dir: hold schema 1; the archives and OCI layouts here do not.
            throw new InvalidInputException("manifest type v2s1 is not supported for writing");
        }

        var stored = new List<StoredImage>();
        foreach (var name in imageNamesOrIds)
        {
            stored.Add(await reader.ReadAsync(name, cancellationToken));
        }

        if (destination.Kind is TransportKind.DockerArchive or TransportKind.OciArchive)
        {
            // containers/image opens the archive before it copies anything (openArchiveForWriting).
            OutputFile.EnsureCreatable(destination.Path, $"opening file \"{destination.Path}\"");
        }

        Progress(options, stored);
        var fresh = destination.Kind is TransportKind.Directory or TransportKind.OciLayout
            && !Directory.Exists(destination.Path);
        try
        {
            await WriteAsync(stored, destination, options, cancellationToken);
        }
        catch when (fresh && Directory.Exists(destination.Path))
        {
            Directory.Delete(destination.Path, recursive: true);
            throw;
        }

        Written(options);
    }

    private async Task WriteAsync(
        List<StoredImage> stored,
        TransportReference destination,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        switch (destination.Kind)
        {
            case TransportKind.Directory:
                await WriteDirectoryAsync(stored[0], destination.Path, options, cancellationToken);
                break;
            case TransportKind.OciLayout:
                await ociWriter.WriteAsync(stored[0], destination.Path, RefName(stored[0], destination, options), options, cancellationToken);
                break;
            case TransportKind.OciArchive:
                await InTempAsync(
                    d => ociWriter.WriteAsync(stored[0], d, RefName(stored[0], destination, options), options, cancellationToken),
                    destination.Path,
                    cancellationToken);
                break;
            case TransportKind.DockerArchive:
                var tagged = stored.Select((s, i) => (s, Tags(s, i == 0 ? destination.Name : null, options))).ToList();
                await InTempAsync(d => dockerWriter.WriteAsync(tagged, d, cancellationToken), destination.Path, cancellationToken);
                break;
            case TransportKind.ContainersStorage:
                await images.TagAsync(stored[0].Record.Id, destination.Name!, cancellationToken);
                break;
            default:
                throw new InvalidInputException(
                    $"{destination}: registry destinations are written by push, not by the file transports");
        }
    }

    private static string? RefName(StoredImage image, TransportReference destination, ExportOptions options) =>
        destination.Name ?? (options.NameFromImage ? image.Name : null);

    private static IReadOnlyList<string> Tags(StoredImage image, string? named, ExportOptions options)
    {
        var first = named is not null
            ? ImageLookup.StoredName(ImageReference.Parse(named))
            : image.Name;
        var extra = (options.AdditionalNames ?? [])
            .Select(n => ImageLookup.StoredName(ImageReference.Parse(n)));

        // libimage lists the additional tags before the image's own name in RepoTags, so
        // `save -o f a b` loads back as "b,a" (Podman's compat load answer shows that order).
        return [.. extra.Concat(new[] { first }.OfType<string>()).Distinct()];
    }

    private async Task WriteDirectoryAsync(
        StoredImage image,
        string directory,
        ExportOptions options,
        CancellationToken cancellationToken)
    {
        // containers/image reuses a directory only when it is empty or an earlier dir: image
        // (it has a version file); anything else is refused rather than mixed or deleted.
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, "version")))
            {
                throw new InvalidInputException(
                    $"dir:{directory}: non-empty directory has no version file; refusing to overwrite it");
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }

        await dirWriter.WriteAsync(image, directory, options, cancellationToken);
    }

    /// <summary>Builds an archive's tree in the store's temp directory, then packs it to <paramref name="path"/>.</summary>
    private async Task InTempAsync(
        Func<string, Task> build,
        string path,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(store.TempDirectory, "save-" + Guid.NewGuid().ToString("N"));
        try
        {
            await build(directory);
            await TarPacker.PackAsync(directory, path, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static void Progress(ExportOptions options, List<StoredImage> stored)
    {
        if (options.Quiet || options.Progress is not { } progress)
        {
            return;
        }

        progress.WriteLine("Getting image source signatures");
        foreach (var layer in stored.SelectMany(s => s.Layers).DistinctBy(l => l.Id))
        {
            progress.WriteLine($"Copying blob {Digests.Hex(layer.DiffId)[..12]} done");
        }

        foreach (var image in stored)
        {
            progress.WriteLine($"Copying config {image.Record.Id[..12]} done");
        }
    }

    private static void Written(ExportOptions options)
    {
        if (!options.Quiet)
        {
            options.Progress?.WriteLine("Writing manifest to image destination");
        }
    }
}
