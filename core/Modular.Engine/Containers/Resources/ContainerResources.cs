namespace Modular.Engine.Containers.Resources;

/// <summary>
/// A container's resource limits, parsed; stored in its config and rewritten by
/// <c>update</c>. Null means no limit of that kind (the runtime writes nothing).
/// </summary>
public sealed record ContainerResources
{
    public long? MemoryLimit { get; init; }
    public long? MemoryReservation { get; init; }

    /// <summary>Memory plus swap; -1 for unlimited swap.</summary>
    public long? MemorySwap { get; init; }

    public ulong? MemorySwappiness { get; init; }
    public bool OomKillDisable { get; init; }
    public ulong? CpuShares { get; init; }
    public long? CpuQuota { get; init; }
    public ulong? CpuPeriod { get; init; }

    /// <summary><c>--cpus</c> times 10^9, as Podman's HostConfig NanoCpus; 0 when not given.</summary>
    public long NanoCpus { get; init; }

    public string CpusetCpus { get; init; } = "";
    public string CpusetMems { get; init; } = "";

    /// <summary>The pids.max value; null for none.</summary>
    public long? PidsLimit { get; init; }

    public ushort? BlkioWeight { get; init; }
    public int OomScoreAdj { get; init; }

    /// <summary>The <c>--cgroup-parent</c> as given, or empty for the default.</summary>
    public string CgroupParent { get; init; } = "";

    /// <summary><c>--cgroups</c>: enabled, disabled, no-conmon or split.</summary>
    public string CgroupsMode { get; init; } = "enabled";

    /// <summary><c>--cgroup-conf</c>: cgroup v2 files for linux.resources.unified.</summary>
    public IReadOnlyDictionary<string, string> Unified { get; init; } =
        new Dictionary<string, string>();

    /// <summary><c>--device-cgroup-rule</c>: devices cgroup allow rules.</summary>
    public IReadOnlyList<DeviceCgroupRule> DeviceRules { get; init; } = [];
}
