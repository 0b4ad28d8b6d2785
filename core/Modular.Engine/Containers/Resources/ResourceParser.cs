using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Turns resource flags into limits with Podman's rules: units on sizes, swap twice the
/// memory when only memory is given, <c>--cpus</c> as a quota over a 100ms period, and
/// Podman's refusals for values the kernel would reject or that contradict each other.
/// </summary>
public static class ResourceParser
{
    /// <summary>The period <c>--cpus</c> uses, in microseconds (Podman's and the kernel's default).</summary>
    public const ulong DefaultCpuPeriod = 100_000;

    /// <summary>Podman's (and Docker's) floor for a memory limit: 6 MiB.</summary>
    public const long MinimumMemory = 6 * 1024 * 1024;

    /// <summary>Limits for a new container; <paramref name="defaultPidsLimit"/> is containers.conf's.</summary>
    public static ContainerResources ForCreate(ResourceFlags flags, long defaultPidsLimit)
    {
        var mode = CgroupsMode(flags.Cgroups);
        var start = new ContainerResources
        {
            PidsLimit = defaultPidsLimit > 0 ? defaultPidsLimit : null,
            CgroupParent = flags.CgroupParent ?? "",
            CgroupsMode = mode,
            OomScoreAdj = OomScoreAdj(flags.OomScoreAdj),
            DeviceRules = flags.DeviceCgroupRules.Select(DeviceCgroupRule.Parse).ToList(),
            Unified = CgroupConf.Parse(flags.CgroupConf, CgroupLayout.Host.IsUnified),
        };
        var resources = Apply(start, flags);
        if (mode == "disabled" && flags.AnyLimit)
        {
            throw new InvalidInputException("cannot specify resource limits when cgroups are disabled");
        }

        // Without a cgroup there is nothing to hold a limit; Podman drops its default too.
        return mode == "disabled" ? resources with { PidsLimit = null } : resources;
    }

    /// <summary>
    /// <paramref name="current"/> with the given flags applied, as <c>update</c> changes a
    /// container: flags not given keep their value.
    /// </summary>
    public static ContainerResources Apply(ContainerResources current, ResourceFlags flags)
    {
        var resources = ApplyMemory(current, flags);
        resources = ApplyCpu(resources, flags);
        resources = resources with
        {
            PidsLimit = flags.PidsLimit is { } pids ? (pids > 0 ? pids : null) : resources.PidsLimit,
            BlkioWeight = BlkioWeight(flags.BlkioWeight) ?? resources.BlkioWeight,
            OomKillDisable = flags.OomKillDisable ?? resources.OomKillDisable,
        };
        ResourceValidation.Check(resources);
        return resources;
    }

    private static ContainerResources ApplyMemory(ContainerResources current, ResourceFlags flags)
    {
        var limit = flags.Memory is null ? current.MemoryLimit : ByteSize.Parse(flags.Memory, "memory");
        var swap = flags.MemorySwap switch
        {
            null => flags.Memory is null ? current.MemorySwap : DoubleOf(limit),
            "-1" => -1,
            var text => ByteSize.Parse(text, "memory-swap"),
        };
        var reservation = flags.MemoryReservation is null
            ? current.MemoryReservation
            : ByteSize.Parse(flags.MemoryReservation, "memory-reservation");
        return current with
        {
            MemoryLimit = limit is > 0 ? limit : null,
            MemorySwap = swap is 0 ? null : swap,
            MemoryReservation = reservation is > 0 ? reservation : null,
            MemorySwappiness = Swappiness(flags.MemorySwappiness) ?? current.MemorySwappiness,
        };
    }

    // Podman gives a container as much swap as memory unless told otherwise.
    private static long? DoubleOf(long? limit) => limit is > 0 ? 2 * limit : null;

    private static ContainerResources ApplyCpu(ContainerResources current, ResourceFlags flags)
    {
        if (flags.Cpus is not null && flags.CpuPeriod is not null)
        {
            throw new InvalidInputException("--cpu-period and --cpus cannot be set together");
        }

        if (flags.Cpus is not null && flags.CpuQuota is not null)
        {
            throw new InvalidInputException("--cpu-quota and --cpus cannot be set together");
        }

        var resources = current with
        {
            CpuShares = flags.CpuShares is { } shares ? (shares > 0 ? shares : null) : current.CpuShares,
            CpuPeriod = flags.CpuPeriod is { } period ? (period > 0 ? period : null) : current.CpuPeriod,
            CpuQuota = flags.CpuQuota is { } quota ? (quota > 0 ? quota : null) : current.CpuQuota,
            CpusetCpus = flags.CpusetCpus ?? current.CpusetCpus,
            CpusetMems = flags.CpusetMems ?? current.CpusetMems,
        };
        if (flags.CpuPeriod is not null || flags.CpuQuota is not null)
        {
            resources = resources with { NanoCpus = 0 };
        }

        return flags.Cpus is null ? resources : WithCpus(resources, flags.Cpus);
    }

    private static ContainerResources WithCpus(ContainerResources resources, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cpus)
            || double.IsNaN(cpus) || double.IsInfinity(cpus))
        {
            throw new InvalidInputException(
                $"invalid argument \"{text}\" for \"--cpus\" flag: strconv.ParseFloat: parsing \"{text}\": invalid syntax");
        }

        // Podman reads --cpus as a float and sets a quota only when it is above 0: a negative
        // value means no limit, as 0 does.
        return cpus <= 0
            ? resources with { CpuQuota = null, CpuPeriod = null, NanoCpus = 0 }
            : resources with
            {
                CpuPeriod = DefaultCpuPeriod,
                CpuQuota = (long)(cpus * DefaultCpuPeriod),
                NanoCpus = (long)(cpus * 1e9),
            };
    }

    private static ulong? Swappiness(long? value) => value switch
    {
        null or -1 => null,
        >= 0 and <= 100 => (ulong)value.Value,
        _ => throw new InvalidInputException(
            $"invalid value: {value}, valid memory swappiness range is 0-100"),
    };

    private static ushort? BlkioWeight(ushort? value) => value switch
    {
        null or 0 => null,
        >= 10 and <= 1000 => value,
        _ => throw new InvalidInputException("range of blkio weight is from 10 to 1000"),
    };

    // Podman takes any number here; the kernel refuses one outside -1000..1000 at start.
    private static int OomScoreAdj(int? value) => value ?? 0;

    private static string CgroupsMode(string? value) => value switch
    {
        null or "" or "enabled" => "enabled",
        // split puts the container under the caller's own cgroup; checked at start, as
        // Podman does (see CgroupPlacement.CheckSplit).
        "disabled" or "no-conmon" or "split" => value,
        _ => throw new InvalidInputException(
            $"running container create option: invalid cgroup mode \"{value}\": invalid argument"),
    };
}
