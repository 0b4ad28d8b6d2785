using Modular.Engine.Spec;
using Modular.Engine.State;

namespace Modular.Engine.Security;

/// <summary>
/// What <see cref="SecuritySpec"/> needs beyond the spec: the container, its resolved user
/// and rootfs, the main PIDs of containers whose namespaces it joins, and the configured
/// default seccomp profile (containers.conf seccomp_profile), and the host directory holding
/// the /dev/shm tmpfs it binds (its own, or the one of the container whose IPC it joins).
/// </summary>
public sealed record SecuritySpecContext(
    ContainerConfig Config,
    ResolvedUser User,
    string Rootfs,
    IReadOnlyDictionary<string, int> JoinedPids,
    string? DefaultSeccompProfile,
    string? ShmSource = null);
