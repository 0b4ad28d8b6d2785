using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>
/// <c>load -i</c>: a docker-archive (manifest.json) or an oci-archive (oci-layout,
/// index.json, blobs/sha256). Every blob is checked against its digest, every layer
/// against its diff id, through the same commit as a pull.
/// </summary>
public sealed class ImageArchiveLoader(ImageStore store, ImageWriter writer, ImageEvents events)
{
    /// <summary>Loads every image; returns the names loaded, or sha256:ID for unnamed ones.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(
        string archivePath,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(store.TempDirectory, "load-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ArchiveExtractor.ExtractAsync(archivePath, directory, cancellationToken);
            var commits = await ReadCommitsAsync(directory, archivePath, cancellationToken);
            var loaded = new List<string>();
            var records = await writer.CommitAllAsync(commits, cancellationToken);
            foreach (var (commit, record) in commits.Zip(records))
            {
                IReadOnlyList<string> names = commit.Names.Count == 0 ? [$"sha256:{record.Id}"] : commit.Names;
                loaded.AddRange(names);
                foreach (var name in names)
                {
                    await events.AppendAsync("loadfromarchive", record.Id, name, cancellationToken);
                }
            }

            return loaded;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<ImageCommit>> ReadCommitsAsync(
        string directory,
        string archive,
        CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(directory, "index.json")))
        {
            return await OciArchive.ReadAsync(directory, cancellationToken);
        }

        if (File.Exists(Path.Combine(directory, "manifest.json")))
        {
            return await DockerArchive.ReadAsync(directory, archive, cancellationToken);
        }

        throw new InvalidInputException(
            $"{archive}: not a docker-archive or oci-archive (no manifest.json or index.json)");
    }
}
