using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Checks the security flags of a create request with Podman's rules and resolves them:
/// the capability set, seccomp profile, namespaces, devices, sysctls, init.
/// Namespace modes naming a container arrive already resolved to its id.
/// </summary>
public static class SecurityResolver
{
    /// <summary>Where Debian's catatonit package installs it; Podman's default init.</summary>
    public const string DefaultInitPath = "/usr/bin/catatonit";

    /// <summary>
    /// The settings for <paramref name="flags"/>; <paramref name="networkMode"/> gates net.* sysctls.
    /// </summary>
    public static SecuritySettings Resolve(SecurityFlags flags, string networkMode)
    {
        var add = flags.CapAdd.Select(Capabilities.Normalize).ToList();
        var drop = flags.CapDrop.Select(Capabilities.Normalize).ToList();
        var both = add.FirstOrDefault(cap => cap != Capabilities.All && drop.Contains(cap));
        if (both is not null)
        {
            throw new InvalidInputException($"capability \"{both}\" cannot be dropped and added");
        }

        var ipc = Mode(flags.Ipc, "ipc", "shareable");
        var pid = Mode(flags.Pid, "pid", "private");
        var settings = new SecuritySettings
        {
            Privileged = flags.Privileged,
            CapAdd = add,
            CapDrop = drop,
            ReadOnly = flags.ReadOnly,
            ReadOnlyTmpfs = flags.ReadOnlyTmpfs,
            GroupAdd = GroupAdd(flags.GroupAdd),
            Devices = flags.Devices.SelectMany(HostDevices.Parse).ToList(),
            Ulimits = Ulimits(flags.Ulimits),
            Sysctls = Sysctls.Parse(flags.Sysctls, networkMode, ipc),
            InitPath = Init(flags, pid),
            Ipc = ipc,
            Pid = pid,
            Uts = Mode(flags.Uts, "uts", "private"),
            Cgroupns = Mode(flags.Cgroupns, "cgroupns", DefaultCgroupns),
            ShmSize = ShmSize(flags.ShmSize),
            Systemd = flags.Systemd,
        };
        return SecurityOptions.Apply(settings, flags.SecurityOpts);
    }

    /// <summary>
    /// The process capabilities. Privileged is the caller's whole bounding set, and Podman 5
    /// takes it as is: --cap-add and --cap-drop are not merged into it
    /// (specgen's securityConfigureGenerator merges them only when not privileged).
    /// </summary>
    public static IReadOnlyList<string> CapabilitiesFor(
        SecuritySettings settings,
        IEnumerable<string> defaults) =>
        settings.Privileged
            ? Capabilities.CallerBounding()
            : Capabilities.Merge(defaults, settings.CapAdd, settings.CapDrop);

    // Podman's default: the host's cgroup namespace on cgroup v1 (and hybrid), a private
    // one on the unified hierarchy, where cgroup.controllers sits at the root.
    private static string DefaultCgroupns =>
        File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "private" : "host";

    private static string Mode(string? value, string flag, string fallback) =>
        string.IsNullOrEmpty(value) ? fallback : NamespaceMode.Parse(value, flag).ToString();

    private static IReadOnlyList<string> GroupAdd(IReadOnlyList<string> groups) =>
        groups.Contains("keep-groups") && groups.Count > 1
            ? throw new InvalidInputException(
                "the '--group-add keep-groups' option is not allowed with any other --group-add options")
            : groups;

    // "host" copies this process's own limits for every resource, as Podman does.
    private static IReadOnlyList<string> Ulimits(IReadOnlyList<string> values)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            if (value == "host")
            {
                result.AddRange(Spec.ResourceLimits.HostLimits());
                continue;
            }

            Spec.ResourceLimits.Build([value]);
            result.Add(value);
        }

        return result;
    }

    // --shm-size reads sizes as the memory flags do (powers of 1024): 128m is 134217728.
    private static long ShmSize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ShmMount.DefaultSize;
        }

        try
        {
            return Containers.Resources.ByteSize.Parse(value, "--shm-size");
        }
        catch (InvalidInputException)
        {
            throw new InvalidInputException($"unable to translate --shm-size: invalid size: '{value}'");
        }
    }

    // The init must be PID 1 to reap, so like Podman it needs a PID namespace of its own,
    // checked before the binary is looked for.
    private static string? Init(SecurityFlags flags, string pid)
    {
        if (!flags.Init)
        {
            return null;
        }

        if (pid != "private")
        {
            throw new InvalidInputException("cannot add init binary as PID 1 (PID namespace isn't private)");
        }

        var path = flags.InitPath ?? DefaultInitPath;
        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new InvalidInputException(
                $"container-init binary not found on the host: stat {path}: no such file or directory");
    }
}
