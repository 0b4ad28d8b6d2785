using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Refuses a container that sets an option its runtime plugin declares it cannot honour
/// (<see cref="RuntimeFeatures.UnsupportedOptions"/>), before anything is created: gVisor,
/// for one, places the whole sandbox in the cgroup, so a pids limit would count the
/// sandbox's threads rather than the container's processes.
/// </summary>
public static class RuntimeOptionCheck
{
    /// <exception cref="CapabilityMissingException">An option the runtime cannot honour is set.</exception>
    public static void Check(ContainerConfig config, RuntimeFeatures features)
    {
        var unsupported = features.UnsupportedOptions;
        if (unsupported is not { Count: > 0 })
        {
            return;
        }

        var refused = OptionsSet(config.Resources).FirstOrDefault(unsupported.Contains);
        if (refused is not null)
        {
            throw new CapabilityMissingException(
                $"OCI runtime {config.Runtime} cannot honour --{refused}: "
                + "its plugin declares the option unsupported");
        }
    }

    /// <summary>The option names a container's resources set, in flag order.</summary>
    public static IEnumerable<string> OptionsSet(ContainerResources r)
    {
        var set = new (bool IsSet, string Option)[]
        {
            (r.MemoryLimit is not null, "memory"),
            (r.MemoryReservation is not null, "memory-reservation"),
            (r.MemorySwap is not null, "memory-swap"),
            (r.MemorySwappiness is not null, "memory-swappiness"),
            (r.OomKillDisable, "oom-kill-disable"),
            (r.CpuShares is not null, "cpu-shares"),
            (r.CpuQuota is not null, "cpu-quota"),
            (r.CpuPeriod is not null, "cpu-period"),
            (r.NanoCpus != 0, "cpus"),
            (r.CpusetCpus.Length > 0, "cpuset-cpus"),
            (r.CpusetMems.Length > 0, "cpuset-mems"),
            (r.PidsLimit is not null, "pids-limit"),
            (r.BlkioWeight is not null, "blkio-weight"),
        };
        return set.Where(s => s.IsSet).Select(s => s.Option);
    }
}
