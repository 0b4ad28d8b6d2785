using Modular.Contracts.Errors;

namespace Modular.Engine.Images.Transports;

/// <summary>
/// The images of an extracted docker-archive a reference asks for: all of them (load), the
/// one tagged with the reference's name, or the N-th (<c>:@N</c>).
/// </summary>
internal static class DockerArchiveSelection
{
    public static async Task<IReadOnlyList<ImageCommit>> ReadAsync(
        string directory,
        TransportReference source,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(directory, "manifest.json")))
        {
            throw new InvalidInputException($"{source.Path}: not a docker-archive (no manifest.json)");
        }

        var commits = await DockerArchive.ReadAsync(directory, source.Path, cancellationToken);
        if (source.Index is { } index)
        {
            return index < commits.Count
                ? [commits[index]]
                : throw new InvalidInputException(
                    $"Invalid source index @{index}, only {commits.Count} manifest items available");
        }

        if (source.Name is null)
        {
            return commits;
        }

        var wanted = ImageLookup.StoredName(ImageReference.Parse(source.Name));
        var match = commits.FirstOrDefault(c => c.Names.Contains(wanted))
            ?? throw new NotFoundException($"Tag \"{source.Name}\" not found");
        return [match with { Names = [wanted] }];
    }
}
