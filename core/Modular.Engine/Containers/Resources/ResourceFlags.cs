namespace Modular.Engine.Containers.Resources;

/// <summary>
/// The resource flags of <c>create</c>, <c>run</c> and <c>update</c> as typed; null means
/// not given. The engine parses them (<see cref="ResourceParser"/>) so every front end
/// gets Podman's units and error texts.
/// </summary>
public sealed record ResourceFlags
{
    /// <summary><c>--memory</c>: bytes with an optional unit (b, k, m, g).</summary>
    public string? Memory { get; init; }

    /// <summary><c>--memory-swap</c>: memory plus swap, or -1 for unlimited swap.</summary>
    public string? MemorySwap { get; init; }

    public string? MemoryReservation { get; init; }

    /// <summary><c>--memory-swappiness</c>: 0 to 100; -1 (Podman's default) leaves the host's.</summary>
    public long? MemorySwappiness { get; init; }

    /// <summary><c>--cpus</c>: a number of CPUs, turned into a quota over a 100ms period.</summary>
    public string? Cpus { get; init; }

    public ulong? CpuShares { get; init; }
    public long? CpuQuota { get; init; }
    public ulong? CpuPeriod { get; init; }
    public string? CpusetCpus { get; init; }
    public string? CpusetMems { get; init; }

    /// <summary><c>--pids-limit</c>: 0 or -1 for none; null for containers.conf's pids_limit.</summary>
    public long? PidsLimit { get; init; }

    public ushort? BlkioWeight { get; init; }
    public bool? OomKillDisable { get; init; }
    public int? OomScoreAdj { get; init; }

    /// <summary><c>--cgroup-parent</c>: the cgroupfs path the container's cgroup goes under.</summary>
    public string? CgroupParent { get; init; }

    /// <summary><c>--cgroups</c>: enabled (default), disabled, no-conmon or split.</summary>
    public string? Cgroups { get; init; }

    /// <summary><c>--cgroup-conf KEY=VALUE</c> values as typed (cgroup v2 files).</summary>
    public IReadOnlyList<string> CgroupConf { get; init; } = [];

    /// <summary><c>--device-cgroup-rule</c> values as typed (<c>c 1:3 mr</c>).</summary>
    public IReadOnlyList<string> DeviceCgroupRules { get; init; } = [];

    /// <summary>
    /// rlimits for <c>update</c> as <c>--ulimit</c> words (nofile=1024:2048): each replaces
    /// the container's limit of that name; they apply from the next start, as Podman's.
    /// </summary>
    public IReadOnlyList<string> Ulimits { get; init; } = [];

    /// <summary>True when any flag that changes a limit was given (what <c>update</c> needs).</summary>
    public bool AnyLimit =>
        Memory is not null || MemorySwap is not null || MemoryReservation is not null
        || MemorySwappiness is not null || Cpus is not null || CpuShares is not null
        || CpuQuota is not null || CpuPeriod is not null || CpusetCpus is not null
        || CpusetMems is not null || PidsLimit is not null || BlkioWeight is not null
        || OomKillDisable is true;
}
