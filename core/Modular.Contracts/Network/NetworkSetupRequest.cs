namespace Modular.Contracts.Network;

/// <summary>What to wire: the container, its namespace path, its networks and published ports.</summary>
public sealed record NetworkSetupRequest(
    string ContainerId,
    string ContainerName,
    string NamespacePath,
    IReadOnlyList<NetworkAttachment> Networks,
    IReadOnlyList<PortMapping> Ports);
