namespace Modular.Contracts.Network;

/// <summary>An interface in the container's namespace and its addresses.</summary>
public sealed record InterfaceStatus(string Name, string MacAddress, IReadOnlyList<InterfaceAddress> Addresses);
