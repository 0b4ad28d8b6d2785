using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Transports;

internal sealed partial class ImageTransports
{
    public async Task<IReadOnlyList<string>> ImportAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ImportCheckedAsync(source, options, cancellationToken);
        }
        catch (Exception e) when (ImageErrors.ShouldWrap(e))
        {
            throw ImageErrors.ForLoad(source.ToString(), e);
        }
    }

    private async Task<IReadOnlyList<string>> ImportCheckedAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        switch (source.Kind)
        {
            case TransportKind.Directory:
                RequireDirectory(source);
                // Podman 5 (libimage copyFromDefault) names a dir: image by nothing but its
                // ID: a path is seldom a valid image name, and dir: carries no name.
                var commit = await DirectoryTransportReader.ReadAsync(source.Path, source.ToString(), cancellationToken);
                return await CommitAsync([commit with { Names = [] }], options, cancellationToken);
            case TransportKind.OciLayout:
                RequireDirectory(source);
                return await CommitAsync(
                    await OciLayoutReader.ReadAsync(source.Path, source.ToString(), source.Name, false, cancellationToken),
                    options,
                    cancellationToken);
            case TransportKind.OciArchive or TransportKind.DockerArchive:
                return await FromArchiveAsync(source, options, cancellationToken);
            default:
                throw new InvalidInputException($"{source}: not a file transport; use pull for registries");
        }
    }

    private async Task<IReadOnlyList<string>> FromArchiveAsync(
        TransportReference source,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(source.Path))
        {
            throw new NotFoundException($"{source.Path}: no such file");
        }

        var directory = Path.Combine(store.TempDirectory, "import-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ArchiveExtractor.ExtractAsync(source.Path, directory, cancellationToken);
            var commits = source.Kind == TransportKind.OciArchive
                ? await OciLayoutReader.ReadAsync(directory, source.ToString(), source.Name, true, cancellationToken)
                : await DockerArchiveSelection.ReadAsync(directory, source, cancellationToken);
            return await CommitAsync(commits, options, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private async Task<IReadOnlyList<string>> CommitAsync(
        IReadOnlyList<ImageCommit> commits,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        if (!options.Quiet && options.Progress is { } progress)
        {
            progress.WriteLine("Getting image source signatures");
            foreach (var layer in commits.SelectMany(c => c.Layers).DistinctBy(l => l.CompressedDigest))
            {
                progress.WriteLine($"Copying blob {Digests.Hex(layer.CompressedDigest)[..12]} done");
            }
        }

        var records = await writer.CommitAllAsync(commits, cancellationToken);
        var loaded = new List<string>();
        foreach (var (commit, record) in commits.Zip(records))
        {
            if (!options.Quiet && options.Progress is { } done)
            {
                done.WriteLine($"Copying config {record.Id[..12]} done");
                done.WriteLine("Writing manifest to image destination");
            }

            IReadOnlyList<string> names = commit.Names.Count == 0 ? [$"sha256:{record.Id}"] : commit.Names;
            loaded.AddRange(names);
            foreach (var name in names)
            {
                await events.AppendAsync("loadfromarchive", record.Id, name, cancellationToken);
            }
        }

        return loaded;
    }

    private static void RequireDirectory(TransportReference source)
    {
        if (!Directory.Exists(source.Path))
        {
            throw new NotFoundException($"{source.Path}: no such directory");
        }
    }
}
