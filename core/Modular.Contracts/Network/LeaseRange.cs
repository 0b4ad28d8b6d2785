namespace Modular.Contracts.Network;

/// <summary>The addresses of a subnet that may be handed out (<c>--ip-range</c>).</summary>
public sealed record LeaseRange(string? StartIp, string? EndIp);
