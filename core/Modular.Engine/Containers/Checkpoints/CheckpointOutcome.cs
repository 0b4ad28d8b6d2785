namespace Modular.Engine.Containers.Checkpoints;

/// <summary>A checkpoint or restore done: the container afterwards and the runtime's time.</summary>
/// <param name="Statistics">criu's counters (see <see cref="CriuStatistics"/>), or null.</param>
public sealed record CheckpointOutcome(
    ContainerInfo Container,
    TimeSpan RuntimeDuration,
    string WorkDirectory,
    IReadOnlyDictionary<string, ulong>? Statistics = null);
