namespace Modular.Engine.Containers.Checkpoints;

/// <summary>What <c>restore --import</c> changes in the archived configuration.</summary>
/// <param name="Name">--name: a new name (and then a new hostname is not chosen: Podman keeps it).</param>
/// <param name="IgnoreRootfs">--ignore-rootfs: leave the archive's file system changes out.</param>
/// <param name="IgnoreStaticIp">--ignore-static-ip: drop addresses fixed with --ip.</param>
/// <param name="IgnoreStaticMac">--ignore-static-mac: drop addresses fixed with --mac-address.</param>
/// <param name="Publish">--publish: replaces the archived port mappings when given.</param>
public sealed record ImportOverrides(
    string? Name = null,
    bool IgnoreRootfs = false,
    bool IgnoreStaticIp = false,
    bool IgnoreStaticMac = false,
    IReadOnlyList<Contracts.Network.PortMapping>? Publish = null);
