namespace Modular.Engine.Security;

/// <summary>
/// A host device given to a container: its node, where it appears, and the cgroup access
/// (r, w, m) the container gets. Type, major and minor are read from the host at create.
/// </summary>
public sealed record DeviceMapping(
    string HostPath,
    string ContainerPath,
    string Permissions,
    char Type,
    long Major,
    long Minor,
    uint FileMode,
    uint Uid,
    uint Gid);
