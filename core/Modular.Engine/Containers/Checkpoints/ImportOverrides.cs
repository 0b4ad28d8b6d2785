namespace Modular.Engine.Containers.Checkpoints;

/// <summary>What <c>restore --import</c> changes in the archived configuration.</summary>
/// <param name="Name">--name: a new name (and then a new hostname is not chosen: Podman keeps it).</param>
/// <param name="IgnoreRootfs">--ignore-rootfs: leave the archive's file system changes out.</param>
/// <param name="IgnoreStaticIp">--ignore-static-ip: drop addresses fixed with --ip.</param>
/// <param name="IgnoreStaticMac">--ignore-static-mac: drop addresses fixed with --mac-address.</param>
/// <param name="Publish">--publish: replaces the archived port mappings when given.</param>
/// <param name="PreviousArchive">--import-previous: a pre-checkpoint archive the images build on.</param>
/// <param name="Pod">--pod: the existing pod a pod member's checkpoint goes into.</param>
/// <param name="IgnoreVolumes">--ignore-volumes: make missing volumes empty, leave existing ones as they are.</param>
public sealed record ImportOverrides(
    string? Name = null,
    bool IgnoreRootfs = false,
    bool IgnoreStaticIp = false,
    bool IgnoreStaticMac = false,
    IReadOnlyList<Contracts.Network.PortMapping>? Publish = null,
    bool IgnoreVolumes = false,
    string? Pod = null,
    string? PreviousArchive = null);
