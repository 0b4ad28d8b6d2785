namespace Modular.Engine.State;

/// <summary>One container row: its config and its current runtime state.</summary>
public sealed record ContainerRecord(ContainerConfig Config, ContainerRuntimeState State);
