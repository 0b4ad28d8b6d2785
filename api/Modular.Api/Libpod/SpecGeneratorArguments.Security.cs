using System.Globalization;
using System.Text.Json.Nodes;

namespace Modular.Api.Libpod;

/// <summary>
/// The security fields back into flags: the <c>--security-opt</c> parts (seccomp, apparmor,
/// labels, masks, ...), groups, devices, rlimits, sysctls, namespaces, shm size, systemd
/// mode and the user namespace's id mappings.
/// </summary>
public static partial class SpecGeneratorArguments
{
    private static readonly (string Key, string Flag)[] NamespaceFlags =
        [("ipcns", "--ipc"), ("pidns", "--pid"), ("utsns", "--uts"), ("cgroupns", "--cgroupns")];

    private static void SecurityArguments(List<string> args, JsonObject spec)
    {
        if (Child(spec, "read_write_tmpfs") is JsonValue tmpfs && tmpfs.TryGetValue<bool>(out var on) && !on)
        {
            args.Add("--read-only-tmpfs=false");
        }

        SecurityOptArguments(args, spec);
        AddList(args, "--group-add", spec["groups"]);
        foreach (var device in spec["devices"] as JsonArray ?? [])
        {
            AddValue(args, "--device", NullIfEmpty(Text(device, "path")));
        }

        RlimitArguments(args, spec["r_limits"]);
        AddMap(args, "--sysctl", spec["sysctl"]);
        AddValue(args, "--init-path", NullIfEmpty(Text(spec, "init_path")));
        foreach (var (key, flag) in NamespaceFlags)
        {
            AddValue(args, flag, NamespaceMode(spec[key]));
        }

        AddValue(args, "--shm-size", Number(spec, "shm_size"));
        AddValue(args, "--systemd", NullIfEmpty(Text(spec, "systemd")));
        IdMapArguments(args, Child(spec, "idmappings"));
    }

    // In the order Podman's inspect lists them (GetSecurityOptions): no-new-privileges,
    // label, seccomp, apparmor, then the rest.
    private static void SecurityOptArguments(List<string> args, JsonObject spec)
    {
        if (spec["no_new_privileges"] is JsonValue nnp && nnp.TryGetValue<bool>(out var noNew) && noNew)
        {
            args.AddRange(["--security-opt", "no-new-privileges"]);
        }

        Prefixed(args, "label=", spec["selinux_opts"]);
        // Podman's clients send "" for "the default profile"; only a choice is an option.
        var seccomp = NullIfEmpty(Text(spec, "seccomp_profile_path"));
        AddValue(args, "--security-opt", seccomp is null ? null : "seccomp=" + seccomp);
        // ... and "default" when no policy was asked for.
        var policy = NullIfEmpty(Text(spec, "seccomp_policy"));
        AddValue(args, "--security-opt", policy is null or "default" ? null : "seccomp-policy=" + policy);
        var apparmor = NullIfEmpty(Text(spec, "apparmor_profile"));
        AddValue(args, "--security-opt", apparmor is null ? null : "apparmor=" + apparmor);
        Prefixed(args, "mask=", spec["mask"]);
        Prefixed(args, "unmask=", spec["unmask"]);
        var procOpts = Strings(spec["procfs_opts"]);
        AddValue(args, "--security-opt", procOpts.Count == 0 ? null : "proc-opts=" + string.Join(',', procOpts));
        // Modular's own key: an option no SpecGenerator field holds, for the CLI to judge.
        AddList(args, "--security-opt", spec["security_opt"]);
    }

    private static void Prefixed(List<string> args, string prefix, JsonNode? list)
    {
        foreach (var item in Strings(list))
        {
            args.AddRange(["--security-opt", prefix + item]);
        }
    }

    /// <summary>A specgen.Namespace back into the flag's word (path is ns:PATH).</summary>
    internal static string? NamespaceMode(JsonNode? ns)
    {
        var mode = NullIfEmpty(Text(ns, "nsmode"));
        var value = Text(ns, "value");
        return mode switch
        {
            null or "default" => null,
            "path" => "ns:" + value,
            _ => string.IsNullOrEmpty(value) ? mode : mode + ":" + value,
        };
    }

    // POSIXRlimit entries; an empty list is Podman's "--ulimit host", all bits set is -1.
    private static void RlimitArguments(List<string> args, JsonNode? rlimits)
    {
        if (rlimits is JsonArray { Count: 0 })
        {
            args.AddRange(["--ulimit", "host"]);
            return;
        }

        foreach (var rlimit in rlimits as JsonArray ?? [])
        {
            var type = (Text(rlimit, "type") ?? "").ToLowerInvariant();
            var name = type.StartsWith("rlimit_", StringComparison.Ordinal) ? type[7..] : type;
            args.AddRange(["--ulimit", $"{name}={Limit(Child(rlimit, "soft"))}:{Limit(Child(rlimit, "hard"))}"]);
        }
    }

    private static string Limit(JsonNode? value) =>
        value is JsonValue number && number.TryGetValue<ulong>(out var limit)
            ? limit == ulong.MaxValue ? "-1" : limit.ToString(CultureInfo.InvariantCulture)
            : value?.ToString() ?? "0";

    // types.IDMappingOptions has no JSON tags: Go's field names, idtools.IDMap's tags inside.
    private static void IdMapArguments(List<string> args, JsonNode? mappings)
    {
        IdMaps(args, "--uidmap", Child(mappings, "UIDMap"));
        IdMaps(args, "--gidmap", Child(mappings, "GIDMap"));
    }

    private static void IdMaps(List<string> args, string flag, JsonNode? maps)
    {
        foreach (var map in maps as JsonArray ?? [])
        {
            var container = Child(map, "container_id");
            args.AddRange([flag, container is JsonValue raw && raw.TryGetValue<string>(out var typed)
                ? typed
                : $"{Number(map, "container_id")}:{Number(map, "host_id")}:{Number(map, "size")}"]);
        }
    }
}
