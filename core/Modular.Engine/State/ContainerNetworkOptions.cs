namespace Modular.Engine.State;

/// <summary>A container's membership of one network: what the user asked for there.</summary>
/// <param name="InterfaceName">eth0, eth1, ... in the order networks were joined.</param>
/// <param name="StaticIps">--ip / --ip6 (or <c>ip=</c> in <c>--network NAME:ip=...</c>).</param>
/// <param name="StaticMac">--mac-address, or null.</param>
/// <param name="Aliases">--network-alias names on this network.</param>
public sealed record ContainerNetworkOptions(
    string InterfaceName,
    IReadOnlyList<string> StaticIps,
    string? StaticMac,
    IReadOnlyList<string> Aliases);
