using Modular.Contracts.Network;

namespace Modular.Engine.Networks;

/// <summary>A container attached to a network now, with what it got there.</summary>
public sealed record AttachedContainer(string ContainerId, string ContainerName, string Network, NetworkStatus Status);
