using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

/// <summary>
/// The security parts of the OCI spec, applied after <see cref="Spec.SpecBuilder"/>: user
/// capabilities, seccomp, no-new-privileges, masked and read-only paths, read-only root,
/// groups, devices, sysctls, init, and the ipc/pid/uts/cgroup namespaces.
/// </summary>
public static partial class SecuritySpec
{
    /// <summary>Podman mounts the init binary here and runs it as PID 1.</summary>
    public const string InitMountPoint = "/run/podman-init";

    /// <summary>Ids of containers whose namespaces <paramref name="settings"/> joins.</summary>
    public static IEnumerable<string> JoinedContainers(SecuritySettings settings) =>
        new[] { settings.Ipc, settings.Pid, settings.Uts, settings.Cgroupns }
            .Where(mode => mode.StartsWith(NamespaceMode.ContainerPrefix, StringComparison.Ordinal))
            .Select(mode => mode[NamespaceMode.ContainerPrefix.Length..])
            .Distinct(StringComparer.Ordinal);

    public static void Apply(JsonObject spec, SecuritySpecContext context)
    {
        var settings = context.Config.Security;
        var process = spec["process"]!.AsObject();
        var linux = spec["linux"]!.AsObject();

        ApplyUserCapabilities(process, context);
        process["noNewPrivileges"] = settings.NoNewPrivileges;
        if (settings.ApparmorProfile is { Length: > 0 } and not "unconfined")
        {
            process["apparmorProfile"] = settings.ApparmorProfile;
        }

        ApplySeccomp(linux, context);
        ApplyPaths(linux, settings);
        ApplyProcOpts(spec["mounts"]!.AsArray(), settings.ProcOpts);
        ApplyReadOnly(spec, settings);
        ApplyGroups(spec, context);
        ApplyDevices(linux, settings);
        ApplySysctls(linux, settings);
        ApplyInit(spec, settings);
        ApplyNamespaces(spec, context);
        ApplyReadOnlyDev(spec["mounts"]!.AsArray(), settings);
        ApplySystemd(spec["mounts"]!.AsArray(), settings);
        SortMounts(spec);
        if (settings.Privileged)
        {
            MakeWritable(spec["mounts"]!.AsArray(), "/sys", "/sys/fs/cgroup");
        }
    }

    // Podman gives a non-root user only the capabilities asked for with --cap-add, in every
    // set, so they survive the switch from root; root keeps the merged set.
    private static void ApplyUserCapabilities(JsonObject process, SecuritySpecContext context)
    {
        if (context.User.Uid == 0)
        {
            return;
        }

        var bounding = context.Config.Capabilities;
        var added = context.Config.Security.CapAdd
            .SelectMany(cap => cap == Capabilities.All ? bounding : [cap])
            .Where(bounding.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var caps = process["capabilities"]!.AsObject();
        foreach (var set in new[] { "effective", "permitted", "inheritable", "ambient" })
        {
            caps[set] = Strings(added);
        }
    }

    private static void ApplyPaths(JsonObject linux, SecuritySettings settings)
    {
        var unmask = new UnmaskPatterns(settings.Unmask);
        var unmaskAll = settings.Privileged;
        IEnumerable<string> Keep(string key) => unmaskAll ? []
            : (linux[key]?.AsArray() ?? []).Select(p => p!.GetValue<string>())
                .Where(unmask.KeepsMasked);

        var masked = Keep("maskedPaths").Concat(unmaskAll ? [] : ExtraMaskedPaths()
            .Where(unmask.KeepsMasked));
        linux["maskedPaths"] = Strings(masked.Concat(settings.Mask).Distinct());
        linux["readonlyPaths"] = Strings(Keep("readonlyPaths"));
    }

    // proc-opts replace the /proc mount's options outright, as Podman sets them.
    private static void ApplyProcOpts(JsonArray mounts, IReadOnlyList<string> procOpts)
    {
        var proc = mounts.FirstOrDefault(m => Destination(m) == "/proc");
        if (procOpts.Count == 0 || proc is null)
        {
            return;
        }

        proc["options"] = Strings(procOpts);
    }

    // containers-common's defaults beyond SpecBuilder's list: powercap (energy counters are a
    // side channel) and each CPU's thermal_throttle directory, where the host has them.
    private static IEnumerable<string> ExtraMaskedPaths()
    {
        yield return "/sys/devices/virtual/powercap";
        const string cpus = "/sys/devices/system/cpu";
        if (!Directory.Exists(cpus))
        {
            yield break;
        }

        foreach (var cpu in Directory.EnumerateDirectories(cpus, "cpu*").Order(StringComparer.Ordinal))
        {
            var throttle = Path.Combine(cpu, "thermal_throttle");
            if (Directory.Exists(throttle))
            {
                yield return throttle;
            }
        }
    }

    private static void ApplySysctls(JsonObject linux, SecuritySettings settings)
    {
        if (settings.Sysctls.Count == 0)
        {
            return;
        }

        if (linux["sysctl"] is not JsonObject sysctl)
        {
            sysctl = [];
            linux["sysctl"] = sysctl;
        }

        foreach (var (key, value) in settings.Sysctls)
        {
            sysctl[key] = value;
        }
    }

    // catatonit reaps zombies and forwards signals; it runs the command after "--".
    private static void ApplyInit(JsonObject spec, SecuritySettings settings)
    {
        if (settings.InitPath is null)
        {
            return;
        }

        var process = spec["process"]!.AsObject();
        var args = process["args"]!.AsArray().Select(a => a!.GetValue<string>());
        process["args"] = Strings(new[] { InitMountPoint, "--" }.Concat(args));
        spec["mounts"]!.AsArray().Add(
            Mount(InitMountPoint, "bind", settings.InitPath, "bind", "rprivate", "ro"));
    }

    internal static JsonObject Mount(
        string destination,
        string type,
        string source,
        params string[] options) =>
        new()
        {
            ["destination"] = destination,
            ["type"] = type,
            ["source"] = source,
            ["options"] = Strings(options),
        };

    internal static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());

    internal static string? Destination(JsonNode? mount) => mount?["destination"]?.GetValue<string>();

    private static void MakeWritable(JsonArray mounts, params string[] destinations)
    {
        foreach (var mount in mounts.Where(m => destinations.Contains(Destination(m))))
        {
            var options = mount!["options"]!.AsArray().Select(o => o!.GetValue<string>())
                .Where(o => o != "ro").Append("rw");
            mount["options"] = Strings(options);
        }
    }
}
