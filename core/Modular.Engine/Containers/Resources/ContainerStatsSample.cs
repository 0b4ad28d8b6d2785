namespace Modular.Engine.Containers.Resources;

/// <summary>
/// One reading of a container's cgroup counters, with the numbers Podman's stats shows.
/// CPU percentages are relative to <see cref="Previous"/> when given, else to the start.
/// </summary>
/// <param name="CpuNanos">CPU time used since the cgroup was made, in nanoseconds.</param>
/// <param name="SystemNanos">Wall clock of the reading, Unix nanoseconds.</param>
/// <param name="StartedNanos">When the container started, Unix nanoseconds (0 if never).</param>
/// <param name="MemoryLimit">The cgroup's limit, or the host's memory when unlimited.</param>
/// <param name="Pod">The pod id for <c>pod stats</c>; empty for a container alone.</param>
public sealed record ContainerStatsSample(
    string Id,
    string Name,
    ulong CpuNanos,
    ulong SystemNanos,
    ulong StartedNanos,
    ulong MemoryUsage,
    ulong MemoryLimit,
    ulong NetInput,
    ulong NetOutput,
    ulong BlockInput,
    ulong BlockOutput,
    ulong Pids,
    string Pod = "")
{
    /// <summary>The reading before this one, for <c>stats</c> without <c>--no-reset</c> streams.</summary>
    public ContainerStatsSample? Previous { get; init; }

    /// <summary>CPU use over the interval since the previous reading (or since start), in percent.</summary>
    public double CpuPercent
    {
        get
        {
            var (cpuBefore, timeBefore) = Previous is { } p ? (p.CpuNanos, p.SystemNanos) : (0UL, StartedNanos);
            return Percent(CpuNanos - Math.Min(CpuNanos, cpuBefore), SystemNanos - Math.Min(SystemNanos, timeBefore));
        }
    }

    /// <summary>Of <see cref="CpuNanos"/>, the time spent in the kernel (Podman's CPUSystemNano).</summary>
    public ulong CpuSystemNanos { get; init; }

    /// <summary>CPU use averaged over the whole run, in percent.</summary>
    public double AverageCpuPercent => Percent(CpuNanos, SystemNanos - Math.Min(SystemNanos, StartedNanos));

    public double MemoryPercent => MemoryLimit == 0 ? 0 : 100.0 * MemoryUsage / MemoryLimit;

    private static double Percent(ulong used, ulong elapsed) =>
        elapsed == 0 || used == 0 ? 0 : 100.0 * used / elapsed;
}
