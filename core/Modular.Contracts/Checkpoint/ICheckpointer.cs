namespace Modular.Contracts.Checkpoint;

/// <summary>
/// Checkpoints and restores a running container's processes (CRIU). No implementation ships
/// with the walking skeleton; the checkpoint issue adds one. Shape may change before freeze.
/// </summary>
public interface ICheckpointer
{
    /// <summary>The short id, e.g. <c>criu</c>.</summary>
    string Id { get; }

    /// <summary>Writes the image of the container's processes to a directory.</summary>
    Task CheckpointAsync(string containerId, string imageDirectory, CancellationToken cancellationToken);

    /// <summary>Restores the processes from a directory written by <see cref="CheckpointAsync"/>.</summary>
    Task RestoreAsync(string containerId, string imageDirectory, CancellationToken cancellationToken);
}
