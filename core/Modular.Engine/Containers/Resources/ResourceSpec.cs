using System.Text.Json.Nodes;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Writes a container's limits into its OCI spec (linux.resources, process.oomScoreAdj,
/// cgroupsPath), and builds the resources document <c>runtime update --resources</c> reads.
/// </summary>
public static class ResourceSpec
{
    /// <summary>Adds the limits of <paramref name="config"/> to <paramref name="spec"/>.</summary>
    public static void Apply(JsonObject spec, ContainerConfig config)
    {
        var resources = config.Resources;
        if (resources.OomScoreAdj != 0 && spec["process"] is JsonObject process)
        {
            process["oomScoreAdj"] = resources.OomScoreAdj;
        }

        if (spec["linux"] is not JsonObject linux)
        {
            return;
        }

        // --cgroups disabled: the runtime is given no cgroup path and so no limits to apply.
        if (resources.CgroupsMode == "disabled")
        {
            linux.Remove("cgroupsPath");
            return;
        }

        var target = linux["resources"] as JsonObject ?? [];
        linux["resources"] = target;
        foreach (var (key, value) in Build(resources))
        {
            target[key] = value?.DeepClone();
        }

        AddDeviceRules(target, resources);
        if (resources.Unified.Count > 0)
        {
            target["unified"] = new JsonObject(resources.Unified
                .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
        }
    }

    // After the default deny and the --device entries, so these allow what they name.
    private static void AddDeviceRules(JsonObject target, ContainerResources resources)
    {
        if (resources.DeviceRules.Count == 0)
        {
            return;
        }

        var devices = target["devices"] as JsonArray ?? [];
        target["devices"] = devices;
        foreach (var rule in resources.DeviceRules)
        {
            devices.Add(rule.ToSpec());
        }
    }

    /// <summary>The memory, cpu, pids and blockIO objects of linux.resources; empty ones left out.</summary>
    public static JsonObject Build(ContainerResources resources)
    {
        var document = new JsonObject();
        AddIfAny(document, "memory", Memory(resources));
        AddIfAny(document, "cpu", Cpu(resources));
        AddIfAny(document, "pids", resources.PidsLimit is { } pids ? new JsonObject { ["limit"] = pids } : null);
        AddIfAny(document, "blockIO", resources.BlkioWeight is { } weight
            ? new JsonObject { ["weight"] = weight }
            : null);
        return document;
    }

    /// <summary>
    /// The document for <c>update --resources</c>: every kind present, so a limit removed by
    /// the update is written back as unlimited (-1 for memory and pids) instead of kept.
    /// </summary>
    public static JsonObject BuildUpdate(ContainerResources resources)
    {
        var document = Build(resources);
        var memory = document["memory"] as JsonObject ?? [];
        memory["limit"] ??= -1;
        memory["swap"] ??= -1;
        document["memory"] = memory;
        document["pids"] ??= new JsonObject { ["limit"] = -1 };
        return document;
    }

    private static JsonObject Memory(ContainerResources r)
    {
        var memory = new JsonObject();
        Set(memory, "limit", r.MemoryLimit);
        Set(memory, "reservation", r.MemoryReservation);
        Set(memory, "swap", r.MemorySwap);
        if (r.MemorySwappiness is { } swappiness)
        {
            memory["swappiness"] = swappiness;
        }

        if (r.OomKillDisable)
        {
            memory["disableOOMKiller"] = true;
        }

        return memory;
    }

    private static JsonObject Cpu(ContainerResources r)
    {
        var cpu = new JsonObject();
        if (r.CpuShares is { } shares)
        {
            cpu["shares"] = shares;
        }

        Set(cpu, "quota", r.CpuQuota);
        if (r.CpuPeriod is { } period)
        {
            cpu["period"] = period;
        }

        if (r.CpusetCpus.Length > 0)
        {
            cpu["cpus"] = r.CpusetCpus;
        }

        if (r.CpusetMems.Length > 0)
        {
            cpu["mems"] = r.CpusetMems;
        }

        return cpu;
    }

    private static void Set(JsonObject target, string key, long? value)
    {
        if (value is { } given)
        {
            target[key] = given;
        }
    }

    private static void AddIfAny(JsonObject document, string key, JsonObject? value)
    {
        if (value is { Count: > 0 })
        {
            document[key] = value;
        }
    }
}
