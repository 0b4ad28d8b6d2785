using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Api.Libpod;

/// <summary>
/// <c>resource_limits</c> (an OCI LinuxResources, sizes in bytes) and the cgroup fields
/// back into the resource flags. <c>--cpus</c> arrives as a quota over a period, as Podman's
/// client sends it; inspect derives NanoCpus from them as Podman's does.
/// </summary>
public static partial class SpecGeneratorArguments
{
    private static void ResourceArguments(List<string> args, JsonObject spec)
    {
        var limits = spec["resource_limits"];
        var memory = Child(limits, "memory");
        AddValue(args, "--memory", Number(memory, "limit"));
        AddValue(args, "--memory-swap", Number(memory, "swap"));
        AddValue(args, "--memory-reservation", Number(memory, "reservation"));
        AddValue(args, "--memory-swappiness", Number(memory, "swappiness"));
        if (Child(memory, "disableOOMKiller") is JsonValue oom && oom.TryGetValue<bool>(out var off) && off)
        {
            args.Add("--oom-kill-disable");
        }

        var cpu = Child(limits, "cpu");
        AddValue(args, "--cpu-shares", Number(cpu, "shares"));
        AddValue(args, "--cpu-quota", Number(cpu, "quota"));
        AddValue(args, "--cpu-period", Number(cpu, "period"));
        AddValue(args, "--cpuset-cpus", NullIfEmpty(Text(cpu, "cpus")));
        AddValue(args, "--cpuset-mems", NullIfEmpty(Text(cpu, "mems")));
        AddValue(args, "--pids-limit", Number(Child(limits, "pids"), "limit"));
        AddValue(args, "--blkio-weight", Number(Child(limits, "blockIO"), "weight"));
        DeviceRuleArguments(args, Child(limits, "devices"));
        CgroupArguments(args, spec);
    }

    private static void CgroupArguments(List<string> args, JsonObject spec)
    {
        AddValue(args, "--oom-score-adj", Number(spec, "oom_score_adj"));
        AddValue(args, "--cgroup-parent", NullIfEmpty(Text(spec, "cgroup_parent")));
        AddValue(args, "--cgroups", NullIfEmpty(Text(spec, "cgroups_mode")));
        AddMap(args, "--cgroup-conf", spec["unified"]);
    }

    // LinuxDeviceCgroup entries back into "TYPE MAJOR:MINOR ACCESS"; a missing number is *.
    private static void DeviceRuleArguments(List<string> args, JsonNode? devices)
    {
        foreach (var rule in devices as JsonArray ?? [])
        {
            if (Child(rule, "allow") is JsonValue allow && allow.TryGetValue<bool>(out var allowed) && !allowed)
            {
                continue;
            }

            var type = NullIfEmpty(Text(rule, "type")) ?? "a";
            var major = Number(rule, "major") ?? "*";
            var minor = Number(rule, "minor") ?? "*";
            var access = NullIfEmpty(Text(rule, "access")) ?? "rwm";
            args.AddRange(["--device-cgroup-rule", string.Create(
                CultureInfo.InvariantCulture, $"{type} {major}:{minor} {access}")]);
        }
    }
}
