using System.Text.Json.Nodes;
using Modular.Engine.Containers.Resources;

namespace Modular.Remote.Services;

/// <summary>An entry of Podman's stats report (define.ContainerStats) as the engine's reading.</summary>
internal static class StatsJson
{
    public static ContainerStatsSample Sample(JsonObject entry)
    {
        var cpu = Unsigned(entry, "CPUNano");
        var system = Unsigned(entry, "SystemNano");
        var (rx, tx) = Traffic(entry["Network"] as JsonObject);
        return new ContainerStatsSample(
            entry["ContainerID"]?.ToString() ?? "",
            entry["Name"]?.ToString() ?? "",
            cpu,
            system,
            StartedNanos(cpu, system, Real(entry, "AvgCPU")),
            Unsigned(entry, "MemUsage"),
            Unsigned(entry, "MemLimit"),
            rx,
            tx,
            Unsigned(entry, "BlockInput"),
            Unsigned(entry, "BlockOutput"),
            Unsigned(entry, "PIDs"))
        {
            CpuSystemNanos = Unsigned(entry, "CPUSystemNano"),
        };
    }

    // The report carries the average over the run, not the start: the start is where that
    // average puts it, so the first reading's CPU % is the service's own.
    private static ulong StartedNanos(ulong cpu, ulong system, double average)
    {
        if (average <= 0 || cpu == 0)
        {
            return system;
        }

        var elapsed = (ulong)Math.Round(cpu * 100.0 / average);
        return system - Math.Min(system, elapsed);
    }

    private static (ulong Rx, ulong Tx) Traffic(JsonObject? networks)
    {
        var interfaces = networks?.Select(pair => pair.Value).OfType<JsonObject>().ToList() ?? [];
        return (
            interfaces.Aggregate(0UL, (sum, i) => sum + Unsigned(i, "RxBytes")),
            interfaces.Aggregate(0UL, (sum, i) => sum + Unsigned(i, "TxBytes")));
    }

    private static ulong Unsigned(JsonObject entry, string key) =>
        entry[key] is JsonValue value && value.TryGetValue<ulong>(out var number) ? number : 0;

    private static double Real(JsonObject entry, string key) =>
        entry[key] is JsonValue value && value.TryGetValue<double>(out var number) ? number : 0;
}
