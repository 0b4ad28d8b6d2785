using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// The resource keys of Podman's inspect HostConfig, with Podman's values for "no limit":
/// 0 for sizes and CPU numbers, -1 for MemorySwappiness, empty strings for sets.
/// </summary>
public static class ResourceInspect
{
    /// <summary>Adds (or replaces) the resource keys in <paramref name="hostConfig"/>.</summary>
    public static JsonObject AddTo(JsonObject hostConfig, ContainerConfig config)
    {
        var r = config.Resources;
        // Podman shows only a parent the user gave; its default parent reads as empty.
        hostConfig["CgroupParent"] = r.CgroupParent;
        hostConfig["CgroupConf"] = r.Unified.Count == 0 ? null
            : new JsonObject(r.Unified.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
        if (!hostConfig.ContainsKey("Cgroup"))
        {
            hostConfig["Cgroup"] = "";
        }

        hostConfig["Cgroups"] = r.CgroupsMode == "enabled" ? "default" : r.CgroupsMode;
        hostConfig["BlkioWeight"] = r.BlkioWeight ?? 0;
        hostConfig["BlkioWeightDevice"] = null;
        hostConfig["BlkioDeviceReadBps"] = null;
        hostConfig["BlkioDeviceWriteBps"] = null;
        hostConfig["BlkioDeviceReadIOps"] = null;
        hostConfig["BlkioDeviceWriteIOps"] = null;
        hostConfig["CpuPeriod"] = r.CpuPeriod ?? 0;
        hostConfig["CpuQuota"] = r.CpuQuota ?? 0;
        hostConfig["CpuRealtimePeriod"] = 0;
        hostConfig["CpuRealtimeRuntime"] = 0;
        hostConfig["CpusetCpus"] = r.CpusetCpus;
        hostConfig["CpusetMems"] = r.CpusetMems;
        hostConfig["CpuShares"] = r.CpuShares ?? 0;
        hostConfig["CpuCount"] = 0;
        hostConfig["CpuPercent"] = 0;
        hostConfig["DiskQuota"] = 0;
        hostConfig["KernelMemory"] = 0;
        hostConfig["Memory"] = r.MemoryLimit ?? 0;
        hostConfig["MemoryReservation"] = r.MemoryReservation ?? 0;
        hostConfig["MemorySwap"] = r.MemorySwap ?? 0;
        hostConfig["MemorySwappiness"] = MemorySwappiness(r);
        hostConfig["NanoCpus"] = NanoCpus(r);
        hostConfig["OomKillDisable"] = r.OomKillDisable;
        hostConfig["OomScoreAdj"] = r.OomScoreAdj;
        hostConfig["PidsLimit"] = r.PidsLimit ?? 0;
        hostConfig["IOMaximumIOps"] = 0;
        hostConfig["IOMaximumBandwidth"] = 0;
        return hostConfig;
    }

    // Podman derives it from the spec, not the flag: a quota over the default 100ms period
    // reads as CPUs however it was asked for (--cpus, or --cpu-quota with --cpu-period), so
    // a remote client sending --cpus as quota and period gets the same inspect.
    private static long NanoCpus(ContainerResources r) =>
        r.CpuPeriod == ResourceParser.DefaultCpuPeriod && r.CpuQuota is { } quota ? 10_000 * quota : 0;

    // Podman reads the spec: -1 when a memory limit exists without a swappiness, 0 with none.
    private static long MemorySwappiness(ContainerResources r) =>
        r.MemorySwappiness is { } swappiness ? (long)swappiness
        : r.MemoryLimit is not null || r.MemoryReservation is not null || r.MemorySwap is not null ? -1
        : 0;
}
