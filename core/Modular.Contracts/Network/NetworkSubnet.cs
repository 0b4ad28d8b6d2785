namespace Modular.Contracts.Network;

/// <summary>One subnet of a network, in CIDR form, with its gateway and optional lease range.</summary>
public sealed record NetworkSubnet(string Subnet, string? Gateway = null, LeaseRange? LeaseRange = null);
