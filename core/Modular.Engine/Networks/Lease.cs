namespace Modular.Engine.Networks;

/// <summary>One address handed to a container on a network's subnet.</summary>
public sealed record Lease(string Network, string Subnet, string Address, string ContainerId);
