namespace Modular.Contracts.Network;

/// <summary>An address in CIDR form (10.89.0.2/24) and the gateway of its subnet.</summary>
public sealed record InterfaceAddress(string Cidr, string? Gateway);
