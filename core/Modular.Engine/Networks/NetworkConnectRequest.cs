namespace Modular.Engine.Networks;

/// <summary>What <c>network connect</c> asks for the container on the network.</summary>
/// <param name="Aliases">--alias names.</param>
/// <param name="StaticIps">--ip and --ip6 values.</param>
/// <param name="StaticMac">--mac-address, or null.</param>
public sealed record NetworkConnectRequest(
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> StaticIps,
    string? StaticMac);
