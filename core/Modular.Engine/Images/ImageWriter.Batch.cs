namespace Modular.Engine.Images;

public sealed partial class ImageWriter
{
    /// <summary>
    /// Stores several images as one change: an archive whose second image fails leaves the
    /// store exactly as before, the first image included, names moved off other images too.
    /// </summary>
    public async Task<IReadOnlyList<ImageRecord>> CommitAllAsync(
        IReadOnlyList<ImageCommit> commits,
        CancellationToken cancellationToken)
    {
        var configs = commits.Select(c => CheckedConfig(c)).ToList();
        using var _ = await store.LockAsync(cancellationToken);
        var state = await store.ReadAsync(cancellationToken);
        await RemoveIncompleteAsync(state, cancellationToken);
        blobs.Sweep(state);
        var before = state.Images.ToList();
        var created = new List<string>();
        var newImages = new List<string>();
        try
        {
            var records = new List<ImageRecord>();
            for (var i = 0; i < commits.Count; i++)
            {
                records.Add(await StageAsync(state, commits[i], configs[i], created, newImages, cancellationToken));
            }

            MarkComplete(state, created);
            await store.WriteAsync(state, cancellationToken);
            return records;
        }
        catch
        {
            state.Images.Clear();
            state.Images.AddRange(before);
            await RollBackAsync(state, created, null);
            newImages.ForEach(DeleteImageFiles);
            throw;
        }
    }

    private async Task<ImageRecord> StageAsync(
        StoreState state,
        ImageCommit commit,
        ImageConfigDocument config,
        List<string> created,
        List<string> newImages,
        CancellationToken cancellationToken)
    {
        var imageId = Digests.Hex(Digests.Of(commit.Config));
        var (top, size) = await ApplyLayersAsync(state, commit, created, cancellationToken);
        if (!state.Images.Exists(i => i.Id == imageId) && !newImages.Contains(imageId))
        {
            newImages.Add(imageId);
            await WriteImageFilesAsync(imageId, commit, cancellationToken);
        }

        return Record(state, imageId, commit, config, top, size);
    }

    private static ImageConfigDocument CheckedConfig(ImageCommit commit)
    {
        var config = ImageConfigDocument.Parse(commit.Config);
        if (config.DiffIds.Count != commit.Layers.Count)
        {
            throw new Contracts.Errors.InvalidInputException(
                $"image config lists {config.DiffIds.Count} layers but the manifest {commit.Layers.Count}");
        }

        return config;
    }

    private void DeleteImageFiles(string imageId)
    {
        var directory = store.ImageDirectory(imageId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
