using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Modular.Engine.Containers.Resources;

namespace Modular.Cli.Output;

/// <summary>
/// What <c>pod stats</c> prints for one container of a pod: Podman's PodStatsReport, whose
/// Go field names are both the template fields and the JSON keys (the struct has no json
/// tags), and its fixed default table.
/// </summary>
public static class PodStatsView
{
    /// <summary>The report's fields in Podman's declaration order.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["CPU", "MemUsage", "MemUsageBytes", "Mem", "NetIO", "BlockIO", "PIDS", "Pod", "CID", "Name"];

    /// <summary>Header words a user template gets; the rest split and upper-case the field.</summary>
    public static readonly IReadOnlyDictionary<string, string> HeaderOverrides = new Dictionary<string, string>
    {
        ["CPU"] = "CPU %",
        ["MemUsage"] = "MEM USAGE/ LIMIT",
        ["MemUsageBytes"] = "MEM USAGE/ LIMIT",
        ["BlockIO"] = "BLOCK IO",
    };

    private static readonly string[] DefaultColumns =
        ["Pod", "CID", "Name", "CPU", "MemUsage", "Mem", "NetIO", "BlockIO", "PIDS"];

    private static readonly string[] DefaultHeader =
        ["POD", "CID", "NAME", "CPU %", "MEM USAGE/ LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS"];

    public static JsonObject Row(string podId, ContainerStatsSample s) => new()
    {
        ["CPU"] = Percent(s.CpuPercent),
        ["MemUsage"] = Pair(s.MemoryUsage, s.MemoryLimit, ByteSize.Human),
        ["MemUsageBytes"] = Pair(s.MemoryUsage, s.MemoryLimit, StatsView.BinaryHuman),
        ["Mem"] = Percent(s.MemoryPercent),
        ["NetIO"] = Pair(s.NetInput, s.NetOutput, ByteSize.Human),
        ["BlockIO"] = Pair(s.BlockInput, s.BlockOutput, ByteSize.Human),
        ["PIDS"] = s.Pids == 0 ? "--" : s.Pids.ToString(CultureInfo.InvariantCulture),
        ["Pod"] = Short(podId),
        ["CID"] = Short(s.Id),
        ["Name"] = s.Name,
    };

    /// <summary>
    /// Podman's default table is not a template: a fixed header and, when no container
    /// runs, one row of "--" so the screen never goes blank while streaming.
    /// </summary>
    public static string DefaultTable(IReadOnlyList<JsonObject> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join('\t', DefaultHeader)).Append('\n');
        if (rows.Count == 0)
        {
            sb.Append(string.Join('\t', DefaultColumns.Select(_ => "--"))).Append('\n');
        }

        foreach (var row in rows)
        {
            sb.Append(string.Join('\t', DefaultColumns.Select(c => row[c]?.GetValue<string>() ?? ""))).Append('\n');
        }

        return TabWriter.Align(sb.ToString());
    }

    private static string Short(string id) => id[..Math.Min(12, id.Length)];

    private static string Percent(double value) =>
        value.ToString("F2", CultureInfo.InvariantCulture) + "%";

    // Podman prints "-- / --" when both counters are zero (nothing read, or no network).
    private static string Pair(ulong a, ulong b, Func<double, string> format) =>
        a == 0 && b == 0 ? "-- / --" : $"{format(a)} / {format(b)}";
}
