using System.Globalization;
using Modular.Engine.Containers.Resources;

namespace Modular.Engine.Pods;

/// <summary>
/// Writes a pod's <c>pod create</c> limits (--memory, --memory-swap, --cpus, --cpu-shares,
/// --cpuset-*, --pids-limit) into the pod's cgroup, as Podman sets them on the pod's
/// cgroup rather than on any container: every member then shares one budget. Written at
/// create and again each time the cgroup is made anew (pod start after pod stop).
/// </summary>
public static class PodCgroupLimits
{
    public static void Write(string cgroupPath, ContainerResources? limits, CgroupLayout layout)
    {
        if (limits is null || cgroupPath.Length == 0)
        {
            return;
        }

        var values = layout.IsUnified ? Unified(limits) : Legacy(limits);
        foreach (var (controller, file, value) in values)
        {
            var root = layout.IsUnified ? "/sys/fs/cgroup" : layout.MountOf(controller);
            if (root is null)
            {
                continue;
            }

            var path = Path.Combine([root, .. cgroupPath.Split('/', StringSplitOptions.RemoveEmptyEntries), file]);
            if (File.Exists(path))
            {
                File.WriteAllText(path, value);
            }
        }
    }

    // In order: memory before memsw, as v1 refuses a memsw limit below the memory limit.
    private static IEnumerable<(string Controller, string File, string Value)> Legacy(ContainerResources r)
    {
        if (r.MemoryLimit is { } memory)
        {
            yield return ("memory", "memory.limit_in_bytes", Text(memory));
        }

        if (r.MemorySwap is { } swap)
        {
            yield return ("memory", "memory.memsw.limit_in_bytes", Text(swap));
        }

        if (r.CpuShares is { } shares)
        {
            yield return ("cpu", "cpu.shares", Text((long)shares));
        }

        if (Quota(r) is { } quota)
        {
            yield return ("cpu", "cpu.cfs_period_us", Text((long)quota.Period));
            yield return ("cpu", "cpu.cfs_quota_us", Text(quota.Quota));
        }

        foreach (var cpuset in Cpuset(r))
        {
            yield return ("cpuset", cpuset.File, cpuset.Value);
        }

        if (r.PidsLimit is { } pids)
        {
            yield return ("pids", "pids.max", Text(pids));
        }
    }

    private static IEnumerable<(string Controller, string File, string Value)> Unified(ContainerResources r)
    {
        if (r.MemoryLimit is { } memory)
        {
            yield return ("memory", "memory.max", Text(memory));
            if (r.MemorySwap is { } swap)
            {
                // v2 counts swap apart from memory; Podman's memory-swap is their sum.
                yield return ("memory", "memory.swap.max", swap < 0 ? "max" : Text(swap - memory));
            }
        }

        if (Quota(r) is { } quota)
        {
            yield return ("cpu", "cpu.max", $"{Text(quota.Quota)} {Text((long)quota.Period)}");
        }

        foreach (var cpuset in Cpuset(r))
        {
            yield return ("cpuset", cpuset.File, cpuset.Value);
        }

        if (r.PidsLimit is { } pids)
        {
            yield return ("pids", "pids.max", Text(pids));
        }
    }

    // --cpus has already become a quota over the default period (ResourceParser).
    private static (long Quota, ulong Period)? Quota(ContainerResources r) =>
        r.CpuQuota is { } quota ? (quota, r.CpuPeriod ?? ResourceParser.DefaultCpuPeriod) : null;

    private static IEnumerable<(string File, string Value)> Cpuset(ContainerResources r)
    {
        if (r.CpusetCpus.Length > 0)
        {
            yield return ("cpuset.cpus", r.CpusetCpus);
        }

        if (r.CpusetMems.Length > 0)
        {
            yield return ("cpuset.mems", r.CpusetMems);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
