namespace Modular.Engine.Containers.Checkpoints;

/// <summary>A checkpoint or restore done: the container afterwards and the runtime's time.</summary>
public sealed record CheckpointOutcome(ContainerInfo Container, TimeSpan RuntimeDuration, string WorkDirectory);
