namespace Modular.Engine.State;

/// <summary>
/// What inspect shows of a container's last checkpoint and restore (Podman's State keys
/// Checkpointed, CheckpointPath, CheckpointLog, RestoreLog, Restored and their times).
/// </summary>
/// <param name="Checkpointed">True from a checkpoint that stopped it until its restore.</param>
public sealed record CheckpointState(
    bool Checkpointed,
    string CheckpointPath,
    string CheckpointLog,
    DateTimeOffset? CheckpointedAt,
    bool Restored = false,
    string RestoreLog = "",
    DateTimeOffset? RestoredAt = null);
