namespace Modular.Engine.Containers.Checkpoints;

/// <summary>A named volume of a checkpointed container and its data directory on this host.</summary>
public sealed record CheckpointVolume(string Name, string DataDirectory);
