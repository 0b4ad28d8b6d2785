namespace Modular.Engine.Containers.Checkpoints;

/// <summary>The local <see cref="ICheckpointRunner"/>: the engine's checkpoint verbs and archive.</summary>
public sealed class CheckpointRunner(
    IContainerCheckpoints checkpoints,
    IContainerService containers,
    CheckpointArchive archive,
    CheckpointImageWriter images) : ICheckpointRunner
{
    public async Task<CheckpointOutcome> CheckpointAsync(
        string nameOrId,
        CheckpointRun run,
        CancellationToken cancellationToken)
    {
        var outcome = await checkpoints.CheckpointAsync(nameOrId, run.Request, cancellationToken);
        var tooling = await checkpoints.ToolingAsync(outcome.Container.Runtime, cancellationToken);
        var id = outcome.Container.Id;
        if (run.Export is { } file)
        {
            var options = new CheckpointExportOptions(
                Path.GetFullPath(file), run.IgnoreRootfs, run.Compression, run.IgnoreVolumes);
            await archive.ExportAsync(id, tooling.Layout, options, cancellationToken);
        }

        if (run.CreateImage is { } image)
        {
            var options = new CheckpointExportOptions("", run.IgnoreRootfs, "none", run.IgnoreVolumes);
            await images.CreateAsync(id, image, tooling, options, cancellationToken);
        }

        if (!run.Request.Keep && !run.Request.PreCheckpoint)
        {
            CheckpointFiles.RemoveTemporary(outcome.WorkDirectory, tooling.Layout);
        }

        return outcome;
    }

    public async Task<CheckpointOutcome> RestoreArchiveAsync(
        string archive,
        ImportOverrides overrides,
        RestoreRequest request,
        CancellationToken cancellationToken)
    {
        var directory = await CheckpointArchive.ExtractAsync(archive, cancellationToken);
        try
        {
            var created = await checkpoints.ImportAsync(directory, overrides, cancellationToken);
            return await RestoreCreatedAsync(created, request, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // A failed restore leaves the store as it was: the container made for it goes again.
    private async Task<CheckpointOutcome> RestoreCreatedAsync(
        ContainerInfo created,
        RestoreRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            return await checkpoints.RestoreAsync(created.Id, request, cancellationToken);
        }
        catch
        {
            await containers.RemoveAsync(created.Id, true, 0, CancellationToken.None);
            throw;
        }
    }
}
