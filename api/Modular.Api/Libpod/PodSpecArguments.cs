using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's PodSpecGenerator (the body of POST /libpod/pods/create) as the `pod create`
/// command line that asks the engine for the same pod. Fields without a flag here are ignored.
/// </summary>
public static class PodSpecArguments
{
    public static List<string> From(JsonObject body)
    {
        // Go decodes JSON keys case-insensitively.
        var spec = new JsonObject();
        foreach (var (key, value) in body)
        {
            spec[key.ToLowerInvariant()] = value?.DeepClone();
        }

        var args = new List<string> { "pod", "create" };
        Value(args, "--name", spec, "name");
        Value(args, "--hostname", spec, "hostname");
        Value(args, "--exit-policy", spec, "exit_policy");
        Value(args, "--infra-image", spec, "infra_image");
        Value(args, "--infra-name", spec, "infra_name");
        Value(args, "--cgroup-parent", spec, "cgroup_parent");
        Value(args, "--restart", spec, "restart_policy");
        foreach (var (key, value) in spec["labels"] as JsonObject ?? [])
        {
            args.AddRange(["--label", key + "=" + value]);
        }

        args.AddRange(Flag(spec, "no_infra") ? ["--infra=false"] : []);
        args.AddRange(Flag(spec, "no_manage_hosts") ? ["--no-hosts"] : []);
        Joined(args, "--infra-command", spec["infra_command"], " ");
        Joined(args, "--share", spec["shared_namespaces"], ",");
        List(args, "--dns", spec["dns_server"]);
        List(args, "--dns-search", spec["dns_search"]);
        List(args, "--dns-option", spec["dns_option"]);
        List(args, "--add-host", spec["hostadd"]);
        SpecGeneratorArguments.NetworkArguments(args, spec);
        SpecGeneratorArguments.PortArguments(args, spec["portmappings"]);
        Value(args, "--mac-address", spec, "static_mac");
        ResourceArguments(args, spec["resource_limits"]);
        return args;
    }

    // Pod create has --cpus but no --cpu-quota: a quota over a period is read back as CPUs.
    private static void ResourceArguments(List<string> args, JsonNode? limits)
    {
        var memory = SpecGeneratorArguments.Child(limits, "memory");
        var cpu = SpecGeneratorArguments.Child(limits, "cpu");
        Add(args, "--memory", SpecGeneratorArguments.Number(memory, "limit"));
        Add(args, "--memory-swap", SpecGeneratorArguments.Number(memory, "swap"));
        Add(args, "--cpu-shares", SpecGeneratorArguments.Number(cpu, "shares"));
        Add(args, "--cpuset-cpus", SpecGeneratorArguments.Text(cpu, "cpus"));
        Add(args, "--cpuset-mems", SpecGeneratorArguments.Text(cpu, "mems"));
        var quota = SpecGeneratorArguments.Number(cpu, "quota");
        var period = SpecGeneratorArguments.Number(cpu, "period");
        if (quota is not null && period is not null)
        {
            var cpus = decimal.Parse(quota, CultureInfo.InvariantCulture) / decimal.Parse(period, CultureInfo.InvariantCulture);
            args.AddRange(["--cpus", cpus.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static void Add(List<string> args, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            args.AddRange([flag, value]);
        }
    }

    private static void Value(List<string> args, string flag, JsonObject spec, string key)
    {
        if (spec[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            args.AddRange([flag, text]);
        }
    }

    private static bool Flag(JsonObject spec, string key) =>
        spec[key] is JsonValue value && value.TryGetValue<bool>(out var on) && on;

    private static void Joined(List<string> args, string flag, JsonNode? list, string separator)
    {
        var items = SpecGeneratorArguments.Strings(list);
        if (items.Count > 0)
        {
            args.AddRange([flag, string.Join(separator, items)]);
        }
    }

    private static void List(List<string> args, string flag, JsonNode? list)
    {
        foreach (var item in SpecGeneratorArguments.Strings(list))
        {
            args.AddRange([flag, item]);
        }
    }
}
