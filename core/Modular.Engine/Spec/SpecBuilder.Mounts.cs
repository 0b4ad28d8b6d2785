using System.Text.Json.Nodes;

namespace Modular.Engine.Spec;

public static partial class SpecBuilder
{
    // Podman's defaults (pkg/specgen and containers-common), so software sees the same view.
    private static readonly string[] MaskedPaths =
    [
        "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
        "/sys/fs/selinux", "/sys/dev/block",
    ];

    private static readonly string[] ReadonlyPaths =
    [
        "/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
    ];

    private static JsonArray BuildMounts(ContainerFiles files) => new(
        Mount("/proc", "proc", "proc", "nosuid", "noexec", "nodev"),
        Mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
        Mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
        Mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
        Mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
        Mount("/sys/fs/cgroup", "cgroup", "cgroup", "rprivate", "nosuid", "noexec", "nodev", "relatime", "ro"),
        Mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"),
        Bind("/etc/hosts", files.HostsPath),
        Bind("/etc/resolv.conf", files.ResolvConfPath),
        Bind("/etc/hostname", files.HostnamePath),
        Bind(ContainerEnvDestination, files.ContainerEnvPath));

    private static JsonNode Mount(
        string destination,
        string type,
        string source,
        params string[] options) =>
        new JsonObject
        {
            ["destination"] = destination,
            ["type"] = type,
            ["source"] = source,
            ["options"] = ToArray(options),
        };

    private static JsonNode Bind(string destination, string source) =>
        Mount(destination, "bind", source, "bind", "rprivate");
}
