using System.Text.Json.Nodes;
using Modular.Engine.Containers.Resources;

namespace Modular.Remote.Services;

/// <summary>
/// The resource flags as Podman's client sends them: sizes in bytes and <c>--cpus</c> as a
/// quota over a 100ms period under <c>resource_limits</c> (an OCI LinuxResources), the
/// cgroup choices beside it. Values are checked here with the engine's parser first, so a
/// bad <c>--memory</c> fails before any request with the local command's words.
/// </summary>
internal static class SpecGeneratorResources
{
    public static void AddTo(JsonObject spec, ResourceFlags flags)
    {
        var parsed = ResourceParser.Apply(new ContainerResources(), flags);
        var limits = new JsonObject();
        Section(limits, "memory", Memory(flags, parsed));
        Section(limits, "cpu", Cpu(flags, parsed));
        if (flags.PidsLimit is { } pids)
        {
            // Raw, not parsed: 0 and -1 mean "no limit", overriding containers.conf's.
            limits["pids"] = new JsonObject { ["limit"] = pids };
        }

        if (parsed.BlkioWeight is { } weight)
        {
            limits["blockIO"] = new JsonObject { ["weight"] = weight };
        }

        if (flags.DeviceCgroupRules.Count > 0)
        {
            limits["devices"] = new JsonArray(
                flags.DeviceCgroupRules.Select(rule => (JsonNode)DeviceCgroupRule.Parse(rule).ToSpec()).ToArray());
        }

        if (limits.Count > 0)
        {
            spec["resource_limits"] = limits;
        }

        Cgroups(spec, flags);
    }

    private static void Cgroups(JsonObject spec, ResourceFlags flags)
    {
        if (flags.OomScoreAdj is { } score)
        {
            spec["oom_score_adj"] = score;
        }

        SpecGenerator.Optional(spec, "cgroup_parent", flags.CgroupParent);
        SpecGenerator.Optional(spec, "cgroups_mode", flags.Cgroups);
        if (flags.CgroupConf.Count > 0)
        {
            spec["unified"] = SpecGenerator.Map(flags.CgroupConf);
        }
    }

    private static JsonObject Memory(ResourceFlags flags, ContainerResources parsed)
    {
        var memory = new JsonObject();
        Put(memory, "limit", parsed.MemoryLimit);
        // Only a given --memory-swap travels; the service doubles --memory itself.
        Put(memory, "swap", flags.MemorySwap is null ? null : parsed.MemorySwap ?? 0);
        Put(memory, "reservation", parsed.MemoryReservation);
        if (parsed.MemorySwappiness is { } swappiness)
        {
            memory["swappiness"] = swappiness;
        }

        if (flags.OomKillDisable is true)
        {
            memory["disableOOMKiller"] = true;
        }

        return memory;
    }

    private static JsonObject Cpu(ResourceFlags flags, ContainerResources parsed)
    {
        var cpu = new JsonObject();
        if (parsed.CpuShares is { } shares)
        {
            cpu["shares"] = shares;
        }

        Put(cpu, "quota", parsed.CpuQuota);
        if (parsed.CpuPeriod is { } period)
        {
            cpu["period"] = period;
        }

        SpecGenerator.Optional(cpu, "cpus", flags.CpusetCpus);
        SpecGenerator.Optional(cpu, "mems", flags.CpusetMems);
        return cpu;
    }

    private static void Section(JsonObject limits, string key, JsonObject section)
    {
        if (section.Count > 0)
        {
            limits[key] = section;
        }
    }

    private static void Put(JsonObject target, string key, long? value)
    {
        if (value is { } number)
        {
            target[key] = number;
        }
    }
}
