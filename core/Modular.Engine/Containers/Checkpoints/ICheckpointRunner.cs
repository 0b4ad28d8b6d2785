namespace Modular.Engine.Containers.Checkpoints;

/// <summary>
/// The whole of <c>container checkpoint</c> for one container (dump, export, image, clean-up)
/// and of <c>restore --import</c> for one archive: the CLI resolves this seam so the remote
/// client can run both on the service, streaming the archive from or to the client's files.
/// </summary>
public interface ICheckpointRunner
{
    /// <summary>Dumps the container and writes the archive or image <paramref name="run"/> asks for.</summary>
    Task<CheckpointOutcome> CheckpointAsync(string nameOrId, CheckpointRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a container from the exported archive at <paramref name="archive"/> and restores
    /// it; a failed restore removes that container again.
    /// </summary>
    Task<CheckpointOutcome> RestoreArchiveAsync(
        string archive,
        ImportOverrides overrides,
        RestoreRequest request,
        CancellationToken cancellationToken);
}
