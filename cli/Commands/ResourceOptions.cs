using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Engine.Containers.Resources;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// The resource and cgroup flags of create, run and update. Numbers are read here with
/// Podman's (pflag's) wording for a bad number; sizes and ranges are the engine's to check.
/// </summary>
public sealed class ResourceOptions
{
    public Option<string?> Memory { get; } = Value("--memory", "Memory limit (format: <number>[<unit>], where unit = b, k, m or g)", "-m");
    public Option<string?> MemorySwap { get; } = Value("--memory-swap", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap");
    public Option<string?> MemoryReservation { get; } = Value("--memory-reservation", "Memory soft limit (format: <number>[<unit>])");
    public Option<string?> MemorySwappiness { get; } = Value("--memory-swappiness", "Tune container memory swappiness (0 to 100, or -1 for system default)");
    public Option<string?> Cpus { get; } = Value("--cpus", "Number of CPUs. The default is 0.000 which means no limit");
    public Option<string?> CpuShares { get; } = Value("--cpu-shares", "CPU shares (relative weight)", "-c");
    public Option<string?> CpuQuota { get; } = Value("--cpu-quota", "Limit the CPU CFS (Completely Fair Scheduler) quota");
    public Option<string?> CpuPeriod { get; } = Value("--cpu-period", "Limit the CPU CFS (Completely Fair Scheduler) period");
    public Option<string?> CpusetCpus { get; } = Value("--cpuset-cpus", "CPUs in which to allow execution (0-3, 0,1)");
    public Option<string?> CpusetMems { get; } = Value("--cpuset-mems", "Memory nodes (MEMs) in which to allow execution (0-3, 0,1)");
    public Option<string?> PidsLimit { get; } = Value("--pids-limit", "Tune container pids limit (set -1 for unlimited)");
    public Option<string?> BlkioWeight { get; } = Value("--blkio-weight", "Block IO weight (relative weight) accepts a weight value between 10 and 1000");
    public Option<bool> OomKillDisable { get; } = Switch("--oom-kill-disable", "Disable OOM Killer");
    public Option<string?> OomScoreAdj { get; } = Value("--oom-score-adj", "Tune the host's OOM preferences (-1000 to 1000)");
    public Option<string?> CgroupParent { get; } = Value("--cgroup-parent", "Optional parent cgroup for the container");
    public Option<string?> Cgroups { get; } = Value("--cgroups", "control container cgroup configuration (\"enabled\"|\"disabled\"|\"no-conmon\"|\"split\")");
    public Option<string[]> CgroupConf { get; } = Values("--cgroup-conf", "Configure cgroup v2 (key=value)");
    public Option<string[]> DeviceCgroupRule { get; } = Values("--device-cgroup-rule", "Add a rule to the cgroup allowed devices list");

    /// <summary>Adds the flags create and run take.</summary>
    public Command AddTo(Command command) => command.With(
        Memory, MemorySwap, MemoryReservation, MemorySwappiness, Cpus, CpuShares, CpuQuota,
        CpuPeriod, CpusetCpus, CpusetMems, PidsLimit, BlkioWeight, OomKillDisable, OomScoreAdj,
        CgroupParent, Cgroups, CgroupConf, DeviceCgroupRule);

    /// <summary>Adds the flags update takes (Podman's update has no cgroup or OOM score flags).</summary>
    public Command AddUpdateFlagsTo(Command command) => command.With(
        Memory, MemorySwap, MemoryReservation, MemorySwappiness, Cpus, CpuShares, CpuQuota,
        CpuPeriod, CpusetCpus, CpusetMems, PidsLimit, BlkioWeight);

    public ResourceFlags ToFlags(ParseResult r) => new()
    {
        Memory = r.GetValue(Memory),
        MemorySwap = r.GetValue(MemorySwap),
        MemoryReservation = r.GetValue(MemoryReservation),
        MemorySwappiness = Signed(r.GetValue(MemorySwappiness), "--memory-swappiness"),
        Cpus = r.GetValue(Cpus),
        CpuShares = Unsigned(r.GetValue(CpuShares), "-c, --cpu-shares"),
        CpuQuota = Signed(r.GetValue(CpuQuota), "--cpu-quota"),
        CpuPeriod = Unsigned(r.GetValue(CpuPeriod), "--cpu-period"),
        CpusetCpus = r.GetValue(CpusetCpus),
        CpusetMems = r.GetValue(CpusetMems),
        PidsLimit = Signed(r.GetValue(PidsLimit), "--pids-limit"),
        BlkioWeight = (ushort?)Unsigned(r.GetValue(BlkioWeight), "--blkio-weight", ushort.MaxValue),
        OomKillDisable = r.GetValue(OomKillDisable) ? true : null,
        OomScoreAdj = (int?)Signed(r.GetValue(OomScoreAdj), "--oom-score-adj"),
        CgroupParent = r.GetValue(CgroupParent),
        Cgroups = r.GetValue(Cgroups),
        CgroupConf = r.GetValue(CgroupConf) ?? [],
        DeviceCgroupRules = r.GetValue(DeviceCgroupRule) ?? [],
    };

    /// <summary>
    /// Podman's warning when the host has no blkio weight file (no CFQ or BFQ scheduler on
    /// cgroup v1): the weight is dropped and the container runs without it.
    /// </summary>
    public static ResourceFlags DiscardUnsupported(ResourceFlags flags, TextWriter warnings)
    {
        if (flags.BlkioWeight is null or 0 || BlkioWeightSupported())
        {
            return flags;
        }

        warnings.WriteLine("Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.");
        return flags with { BlkioWeight = null };
    }

    private static bool BlkioWeightSupported()
    {
        var layout = CgroupLayout.Host;
        if (layout.IsUnified)
        {
            return File.Exists("/sys/fs/cgroup/io.weight") || File.Exists("/sys/fs/cgroup/io.bfq.weight")
                || File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Contains("io", StringComparison.Ordinal);
        }

        var mount = layout.MountOf("blkio");
        return mount is not null
            && (File.Exists(Path.Combine(mount, "blkio.weight")) || File.Exists(Path.Combine(mount, "blkio.bfq.weight")));
    }

    private static long? Signed(string? text, string flag) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BadNumber(text, flag, "ParseInt");

    internal static ulong? Unsigned(string? text, string flag, ulong maximum = ulong.MaxValue) =>
        text is null ? null
        : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= maximum
            ? value
            : throw BadNumber(text, flag, "ParseUint");

    private static UsageException BadNumber(string text, string flag, string parser) =>
        new($"invalid argument \"{text}\" for \"{flag}\" flag: strconv.{parser}: parsing \"{text}\": invalid syntax");
}
