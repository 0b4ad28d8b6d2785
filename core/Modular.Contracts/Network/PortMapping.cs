namespace Modular.Contracts.Network;

/// <summary>
/// A published port range, as netavark's <c>port_mappings</c>: host and container ports
/// of <paramref name="Range"/> consecutive ports; an empty host IP binds every address.
/// </summary>
public sealed record PortMapping(
    string HostIp,
    int ContainerPort,
    int HostPort,
    int Range,
    string Protocol);
