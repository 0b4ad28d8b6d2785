namespace Modular.Contracts.Plugins;

/// <summary>
/// One line of a user-namespace map, as in /proc/PID/uid_map. Carried by the contracts from
/// the start so rootless mode needs no contract change; the engine passes none for now.
/// </summary>
public sealed record IdMapping(long ContainerId, long HostId, long Size);
