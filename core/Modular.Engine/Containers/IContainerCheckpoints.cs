using Modular.Contracts.Checkpoint;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Engine.Containers;

/// <summary>
/// Checkpoint and restore of containers through the runtime's CRIU verbs, with the
/// checkpointer plugin chosen by configuration; the export and import of archives build on it.
/// </summary>
public interface IContainerCheckpoints
{
    /// <summary>The checkpointer's layout and probe, and the runtime's verbs, or the one-line refusal.</summary>
    /// <exception cref="Contracts.Errors.CapabilityMissingException">No usable checkpointer or runtime support.</exception>
    Task<CheckpointTooling> ToolingAsync(string runtime, CancellationToken cancellationToken);

    /// <summary>Dumps a running container into its checkpoint directory.</summary>
    Task<CheckpointOutcome> CheckpointAsync(
        string nameOrId,
        CheckpointRequest request,
        CancellationToken cancellationToken);

    /// <summary>Brings a checkpointed container back to running from its checkpoint directory.</summary>
    Task<CheckpointOutcome> RestoreAsync(
        string nameOrId,
        RestoreRequest request,
        CancellationToken cancellationToken);

    /// <summary>
    /// Creates a new container from an exported archive's configuration (new id, the given
    /// name or the original one), exited and checkpointed, its layer holding the archive's
    /// file system changes and its checkpoint directory the archive's images.
    /// </summary>
    Task<ContainerInfo> ImportAsync(
        string extractedArchive,
        ImportOverrides overrides,
        CancellationToken cancellationToken);

    /// <summary>Ids of the containers a checkpoint stopped and no restore brought back.</summary>
    Task<IReadOnlyList<string>> CheckpointedAsync(CancellationToken cancellationToken);

    /// <summary>The container's named volumes, whose content an export carries.</summary>
    Task<IReadOnlyList<CheckpointVolume>> CheckpointVolumesAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>The container's static directory, where its checkpoint lives.</summary>
    Task<string> CheckpointDirectoryAsync(string nameOrId, CancellationToken cancellationToken);
}
