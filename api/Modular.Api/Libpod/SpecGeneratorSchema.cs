using Modular.Api.Http;

namespace Modular.Api.Libpod;

/// <summary>
/// The members of Podman's create body (specGeneratorWire, embedding SpecGenerator) that
/// <see cref="SpecGeneratorArguments"/> reads, with their Go types, so "command":"echo"
/// is refused with Go's text as Podman refuses it instead of failing in a conversion.
/// </summary>
public static class SpecGeneratorSchema
{
    public static readonly GoStruct Body = GoStruct.Of(
        "specGeneratorWire",
        ("image", GoType.String), ("name", GoType.String), ("oci_runtime", GoType.String),
        ("work_dir", GoType.String), ("user", GoType.String), ("hostname", GoType.String),
        ("pod", GoType.String), ("restart_policy", GoType.String),
        ("stop_timeout", new(GoKind.Int, "uint")), ("restart_tries", new(GoKind.Int, "uint")),
        ("remove", GoType.Bool), ("terminal", GoType.Bool), ("stdin", GoType.Bool),
        ("privileged", GoType.Bool), ("read_only_filesystem", GoType.Bool), ("init", GoType.Bool),
        ("env", GoType.StringMap), ("labels", GoType.StringMap), ("annotations", GoType.StringMap),
        ("cap_add", GoType.Strings), ("cap_drop", GoType.Strings),
        ("dns_server", GoType.List("[]net.IP")), ("entrypoint", GoType.Strings),
        ("command", GoType.Strings), ("portmappings", GoType.List("[]types.PortMapping")),
        ("mounts", GoType.List("[]specs.Mount")), ("volumes", GoType.List("[]*specgen.NamedVolume")),
        ("networks", GoType.Object("map[string]types.PerNetworkOptions")),
        ("netns", GoType.Object("specgen.Namespace")),
        ("ipcns", GoType.Object("specgen.Namespace")), ("pidns", GoType.Object("specgen.Namespace")),
        ("utsns", GoType.Object("specgen.Namespace")), ("cgroupns", GoType.Object("specgen.Namespace")),
        ("resource_limits", GoType.Object("specs.LinuxResources")),
        ("r_limits", GoType.List("[]specs.POSIXRlimit")), ("devices", GoType.List("[]specs.LinuxDevice")),
        ("healthconfig", GoType.Object("manifest.Schema2HealthConfig")),
        ("log_configuration", GoType.Object("specgen.LogConfig")),
        ("idmappings", GoType.Object("types.IDMappingOptions")),
        ("stop_signal", new(GoKind.Int, "syscall.Signal")), ("timeout", new(GoKind.Int, "uint")),
        ("shm_size", GoType.Int64), ("oom_score_adj", GoType.Int),
        ("health_check_on_failure_action", new(GoKind.Int, "define.HealthCheckOnFailureAction")),
        ("unsetenv", GoType.Strings), ("groups", GoType.Strings), ("selinux_opts", GoType.Strings),
        ("mask", GoType.Strings), ("unmask", GoType.Strings), ("procfs_opts", GoType.Strings),
        ("sysctl", GoType.StringMap), ("unified", GoType.StringMap),
        ("unsetenvall", GoType.Bool), ("use_image_hostname", GoType.Bool), ("removeImage", GoType.Bool),
        ("publish_image_ports", GoType.Bool), ("no_new_privileges", GoType.Bool),
        ("read_write_tmpfs", GoType.Bool),
        ("umask", GoType.String), ("systemd", GoType.String), ("init_path", GoType.String),
        ("seccomp_profile_path", GoType.String), ("apparmor_profile", GoType.String),
        ("cgroup_parent", GoType.String), ("cgroups_mode", GoType.String),
        ("conmon_pid_file", GoType.String), ("static_mac", GoType.String));
}
