namespace Modular.Contracts.Network;

/// <summary>One network a container joins, with what the user asked of it.</summary>
/// <param name="InterfaceName">Inside the container: eth0, eth1, ...</param>
/// <param name="StaticIps">Addresses to assign (no prefix); engine-chosen when the backend does not allocate.</param>
/// <param name="StaticMac">--mac-address, or null.</param>
/// <param name="Aliases">DNS names on this network besides the container's name.</param>
public sealed record NetworkAttachment(
    NetworkDefinition Network,
    string InterfaceName,
    IReadOnlyList<string> StaticIps,
    string? StaticMac,
    IReadOnlyList<string> Aliases);
