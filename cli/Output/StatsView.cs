using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Containers.Resources;

namespace Modular.Cli.Output;

/// <summary>
/// What <c>stats</c> prints for one sample: the fields its Go templates see (<c>.ID</c>,
/// <c>.CPUPerc</c>, <c>.MemUsage</c> ...) and the object of <c>--format json</c>, worded as
/// Podman words them. <c>pod stats</c> can add its pod columns to the same view.
/// </summary>
public static class StatsView
{
    public const string DefaultFormat =
        "table {{.ID}}\\t{{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\\t{{.MemPerc}}\\t{{.NetIO}}\\t{{.BlockIO}}\\t{{.PIDS}}\\t{{.UpTime}}\\t{{.AVGCPU}}";

    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["ID"] = "ID",
        ["UpTime"] = "CPU TIME",
        ["CPUPerc"] = "CPU %",
        ["AVGCPU"] = "AVG CPU %",
        ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemUsageBytes"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %",
        ["NetIO"] = "NET IO",
        ["BlockIO"] = "BLOCK IO",
        ["PIDS"] = "PIDS",
    };

    /// <summary>The fields a template may name; the header row maps each through the overrides.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "ID", "Name", "CPUPerc", "MemUsage", "MemUsageBytes", "MemPerc", "NetIO", "BlockIO",
        "PIDS", "UpTime", "AVGCPU", "ContainerID", "CPU", "CPUNano", "MemLimit", "PIDs", "Pod",
        "AvgCPU", "BlockInput", "BlockOutput", "CPUSystemNano", "SystemNano", "Duration",
    ];

    public static JsonObject Row(ContainerStatsSample s) => new()
    {
        ["ID"] = s.Id[..Math.Min(12, s.Id.Length)],
        ["ContainerID"] = s.Id,
        ["Name"] = s.Name,
        ["Pod"] = s.Pod,
        ["CPUPerc"] = Percent(s.CpuPercent),
        ["CPU"] = s.CpuPercent,
        ["CPUNano"] = s.CpuNanos,
        ["AVGCPU"] = Percent(s.AverageCpuPercent),
        ["MemUsage"] = Pair(s.MemoryUsage, s.MemoryLimit, ByteSize.Human),
        ["MemUsageBytes"] = Pair(s.MemoryUsage, s.MemoryLimit, BinaryHuman),
        ["MemLimit"] = s.MemoryLimit,
        ["MemPerc"] = Percent(s.MemoryPercent),
        ["NetIO"] = Pair(s.NetInput, s.NetOutput, ByteSize.Human),
        ["BlockIO"] = Pair(s.BlockInput, s.BlockOutput, ByteSize.Human),
        ["PIDS"] = s.Pids.ToString(CultureInfo.InvariantCulture),
        ["PIDs"] = s.Pids,
        ["UpTime"] = GoNanos(s.CpuNanos),

        // The raw fields of Podman's define.ContainerStats, which templates may name too.
        ["AvgCPU"] = s.AverageCpuPercent,
        ["BlockInput"] = s.BlockInput,
        ["BlockOutput"] = s.BlockOutput,
        ["CPUSystemNano"] = s.CpuSystemNanos,
        ["SystemNano"] = s.SystemNanos,
        ["Duration"] = s.CpuNanos,
    };

    /// <summary>The object of <c>stats --format json</c>, with Podman's snake_case keys.</summary>
    public static JsonObject Json(JsonObject row) => new()
    {
        ["id"] = row["ID"]?.DeepClone(),
        ["name"] = row["Name"]?.DeepClone(),
        ["cpu_time"] = row["UpTime"]?.DeepClone(),
        ["cpu_percent"] = row["CPUPerc"]?.DeepClone(),
        ["avg_cpu"] = row["AVGCPU"]?.DeepClone(),
        ["mem_usage"] = row["MemUsage"]?.DeepClone(),
        ["mem_percent"] = row["MemPerc"]?.DeepClone(),
        ["net_io"] = row["NetIO"]?.DeepClone(),
        ["block_io"] = row["BlockIO"]?.DeepClone(),
        ["pids"] = row["PIDS"]?.DeepClone(),
    };

    private static string Percent(double value) =>
        value.ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Pair(ulong a, ulong b, Func<double, string> format) =>
        $"{format(a)} / {format(b)}";

    // Podman's MemUsageBytes uses binary units (KiB, MiB), as go-units BytesSize does.
    public static string BinaryHuman(double bytes)
    {
        string[] suffixes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        var index = 0;
        while (bytes >= 1024 && index < suffixes.Length - 1)
        {
            bytes /= 1024;
            index++;
        }

        return bytes.ToString("G4", CultureInfo.InvariantCulture) + suffixes[index];
    }

    /// <summary>Go's Duration.String for a count of nanoseconds: 33.706254ms, 1m2.5s, 0s.</summary>
    public static string GoNanos(ulong nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        if (nanos < 1_000_000_000)
        {
            var (unit, scale) = nanos switch
            {
                < 1_000 => ("ns", 1UL),
                < 1_000_000 => ("µs", 1_000UL),
                _ => ("ms", 1_000_000UL),
            };
            return Fraction(nanos, scale) + unit;
        }

        var hours = nanos / 3_600_000_000_000;
        var minutes = nanos / 60_000_000_000 % 60;
        var seconds = Fraction(nanos % 60_000_000_000, 1_000_000_000) + "s";
        return hours > 0 ? $"{hours}h{minutes}m{seconds}" : minutes > 0 ? $"{minutes}m{seconds}" : seconds;
    }

    private static string Fraction(ulong value, ulong scale)
    {
        var whole = (value / scale).ToString(CultureInfo.InvariantCulture);
        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        var rest = (value % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return rest.Length > 0 ? $"{whole}.{rest}" : whole;
    }
}
