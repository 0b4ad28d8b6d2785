namespace Modular.Contracts.Network;

/// <summary>Per network name, what the container got there.</summary>
public sealed record NetworkSetupResult(IReadOnlyDictionary<string, NetworkStatus> Networks);
