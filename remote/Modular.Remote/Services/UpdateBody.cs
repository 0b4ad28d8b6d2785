using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;

namespace Modular.Remote.Services;

/// <summary>
/// <c>update</c>'s flags as the body of libpod's update (OCI LinuxResources keys plus
/// <c>r_limits</c>), as Podman's bindings send it: absent keys keep the current value.
/// </summary>
internal static class UpdateBody
{
    public static JsonObject From(ResourceFlags flags)
    {
        RefuseUnsent(flags);
        var body = new JsonObject();
        Put(body, "memory", Memory(flags));
        Put(body, "cpu", Cpu(flags));
        Put(body, "pids", flags.PidsLimit is { } pids ? new JsonObject { ["limit"] = pids } : null);
        Put(body, "blockIO", flags.BlkioWeight is { } w ? new JsonObject { ["weight"] = w } : null);
        if (flags.Ulimits.Count > 0)
        {
            body["r_limits"] = new JsonArray(flags.Ulimits.Select(Rlimit).ToArray());
        }

        return body;
    }

    private static JsonObject Memory(ResourceFlags flags)
    {
        var memory = new JsonObject();
        Put(memory, "limit", Bytes(flags.Memory, "memory"));
        Put(memory, "swap", flags.MemorySwap == "-1" ? -1 : Bytes(flags.MemorySwap, "memory-swap"));
        Put(memory, "reservation", Bytes(flags.MemoryReservation, "memory-reservation"));
        return memory;
    }

    /// <summary><c>--cpus</c> goes as a quota over Podman's 100ms period, as its bindings send it.</summary>
    private static JsonObject Cpu(ResourceFlags flags)
    {
        var cpu = new JsonObject();
        var fromCpus = flags.Cpus is null ? null : ResourceParser.Apply(new ContainerResources(), flags);
        Put(cpu, "shares", flags.CpuShares);
        Put(cpu, "quota", fromCpus?.CpuQuota ?? flags.CpuQuota);
        Put(cpu, "period", fromCpus?.CpuPeriod ?? flags.CpuPeriod);
        Put(cpu, "cpus", flags.CpusetCpus);
        Put(cpu, "mems", flags.CpusetMems);
        return cpu;
    }

    private static long? Bytes(string? text, string flag) => text is null ? null : ByteSize.Parse(text, flag);

    /// <summary>nofile=1024:2048 as {"type":"nofile","soft":1024,"hard":2048}; one number is both.</summary>
    private static JsonNode Rlimit(string text)
    {
        var (name, values) = (text.Split('=', 2)[0], text.Split('=', 2).ElementAtOrDefault(1) ?? "");
        var parts = values.Split(':');
        var numeric = parts.All(p => long.TryParse(p, CultureInfo.InvariantCulture, out _));
        if (name.Length == 0 || parts.Length > 2 || !numeric)
        {
            throw new InvalidInputException($"invalid ulimit argument: {text}");
        }

        var soft = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var hard = parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : soft;
        return new JsonObject { ["type"] = name, ["soft"] = soft, ["hard"] = hard };
    }

    // The libpod body has no place for these; leaving them out silently would be a lie.
    private static void RefuseUnsent(ResourceFlags flags)
    {
        if (flags.MemorySwappiness is not null || flags.OomKillDisable is not null
            || flags.DeviceCgroupRules.Count > 0 || flags.CgroupConf.Count > 0)
        {
            throw new CapabilityMissingException(
                "--memory-swappiness, --oom-kill-disable, --device-cgroup-rule and --cgroup-conf "
                + "are not supported by the modpod remote client's update yet");
        }
    }

    private static void Put(JsonObject target, string key, JsonNode? value)
    {
        if (value is not null && value is not JsonObject { Count: 0 })
        {
            target[key] = value;
        }
    }

    private static void Put(JsonObject target, string key, long? value) =>
        Put(target, key, value is { } v ? JsonValue.Create(v) : null);

    private static void Put(JsonObject target, string key, ulong? value) =>
        Put(target, key, value is { } v ? JsonValue.Create(v) : null);

    private static void Put(JsonObject target, string key, string? value) =>
        Put(target, key, value is null ? null : JsonValue.Create(value));
}
