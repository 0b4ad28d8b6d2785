using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Engine.Security;

namespace Modular.Remote.Services;

/// <summary>
/// The security flags under Podman's SpecGenerator keys: capabilities, <c>--security-opt</c>
/// split into its fields (seccomp_profile_path, no_new_privileges, apparmor_profile, ...),
/// devices, rlimits, sysctls, init and the ipc/pid/uts/cgroup namespaces.
/// </summary>
internal static class SpecGeneratorSecurity
{
    public static void AddTo(JsonObject spec, SecurityFlags flags)
    {
        SpecGenerator.OptionalList(spec, "cap_add", flags.CapAdd);
        SpecGenerator.OptionalList(spec, "cap_drop", flags.CapDrop);
        Switch(spec, "privileged", flags.Privileged);
        SecurityOpts(spec, flags.SecurityOpts);
        if (flags.ReadOnly)
        {
            spec["read_only_filesystem"] = true;
            spec["read_write_tmpfs"] = flags.ReadOnlyTmpfs;
        }

        SpecGenerator.OptionalList(spec, "groups", flags.GroupAdd);
        if (flags.Devices.Count > 0)
        {
            // Podman's client sends each --device as typed in the path; the service splits it.
            spec["devices"] = new JsonArray(
                flags.Devices.Select(device => (JsonNode)new JsonObject { ["path"] = device }).ToArray());
        }

        Rlimits(spec, flags.Ulimits);
        if (flags.Sysctls.Count > 0)
        {
            spec["sysctl"] = SpecGenerator.Map(flags.Sysctls);
        }

        Switch(spec, "init", flags.Init);
        SpecGenerator.Optional(spec, "init_path", flags.InitPath);
        Namespaces(spec, flags);
        if (flags.ShmSize is { Length: > 0 } shm)
        {
            spec["shm_size"] = Engine.Containers.Resources.ByteSize.Parse(shm, "shm-size");
        }

        // The CLI has already decided systemd mode from --systemd and the command.
        spec["systemd"] = flags.Systemd ? "always" : "false";
    }

    private static void Namespaces(JsonObject spec, SecurityFlags flags)
    {
        Namespace(spec, "ipcns", flags.Ipc);
        Namespace(spec, "pidns", flags.Pid);
        Namespace(spec, "utsns", flags.Uts);
        Namespace(spec, "cgroupns", flags.Cgroupns);
    }

    /// <summary>A namespace flag as Podman's specgen.Namespace; ns:PATH is its "path" mode.</summary>
    internal static void Namespace(JsonObject spec, string key, string? mode)
    {
        if (string.IsNullOrEmpty(mode))
        {
            return;
        }

        var colon = mode.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? mode : mode[..colon];
        var entry = new JsonObject { ["nsmode"] = kind == "ns" ? "path" : kind };
        if (colon >= 0)
        {
            entry["value"] = mode[(colon + 1)..];
        }

        spec[key] = entry;
    }

    private static void SecurityOpts(JsonObject spec, IReadOnlyList<string> options)
    {
        var labels = new List<string>();
        var masks = new List<string>();
        var unmasks = new List<string>();
        foreach (var option in options)
        {
            var parts = option.Contains('=') ? option.Split('=', 2) : option.Split(':', 2);
            var value = parts.Length == 2 ? parts[1] : "";
            switch (parts[0])
            {
                case "no-new-privileges":
                    spec["no_new_privileges"] = parts.Length == 1 || value is "true" or "1";
                    break;
                case "seccomp":
                    spec["seccomp_profile_path"] = value;
                    break;
                case "seccomp-policy":
                    spec["seccomp_policy"] = value;
                    break;
                case "apparmor":
                    spec["apparmor_profile"] = value;
                    break;
                case "label":
                    labels.Add(value);
                    break;
                case "mask":
                    masks.AddRange(value.Split(':'));
                    break;
                case "unmask":
                    unmasks.AddRange(value.Split(':'));
                    break;
                case "systempaths":
                    unmasks.Add("ALL");
                    break;
                case "proc-opts":
                    spec["procfs_opts"] = SpecGenerator.Array(value.Split(','));
                    break;
                default:
                    // Not a SpecGenerator field: Modular's service refuses it under the
                    // Modular-only key with the local command's words.
                    labels.Add("\0" + option);
                    break;
            }
        }

        Lists(spec, labels, masks, unmasks);
    }

    private static void Lists(JsonObject spec, List<string> labels, List<string> masks, List<string> unmasks)
    {
        SpecGenerator.OptionalList(spec, "selinux_opts", labels.Where(l => !l.StartsWith('\0')).ToList());
        SpecGenerator.OptionalList(spec, "mask", masks);
        SpecGenerator.OptionalList(spec, "unmask", unmasks);
        var unknown = labels.Where(l => l.StartsWith('\0')).Select(l => l[1..]).ToList();
        SpecGenerator.OptionalList(spec, "security_opt", unknown);
    }

    // POSIXRlimit entries with go-units' names (nofile); "host" is Podman's empty list.
    private static void Rlimits(JsonObject spec, IReadOnlyList<string> ulimits)
    {
        if (ulimits.Count == 0)
        {
            return;
        }

        var entries = new JsonArray();
        if (!ulimits.Contains("host"))
        {
            foreach (var ulimit in ulimits)
            {
                entries.Add(Rlimit(ulimit));
            }
        }

        spec["r_limits"] = entries;
    }

    private static JsonObject Rlimit(string ulimit)
    {
        // Checked with the engine's parser so bad input fails here with the local words.
        Engine.Spec.ResourceLimits.Build([ulimit]);
        var eq = ulimit.IndexOf('=', StringComparison.Ordinal);
        var name = ulimit[..eq].ToLowerInvariant();
        var values = ulimit[(eq + 1)..].Split(':');
        var soft = Limit(values[0]);
        return new JsonObject
        {
            ["type"] = name.StartsWith("rlimit_", StringComparison.Ordinal) ? name[7..] : name,
            ["hard"] = values.Length > 1 ? Limit(values[1]) : soft,
            ["soft"] = soft,
        };
    }

    // -1 (and go-units' "unlimited") is RLIM_INFINITY, all bits set as Podman sends it.
    private static ulong Limit(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : ulong.MaxValue;

    private static void Switch(JsonObject spec, string key, bool on)
    {
        if (on)
        {
            spec[key] = true;
        }
    }
}
