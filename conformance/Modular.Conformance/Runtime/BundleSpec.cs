using System.Text.Json.Nodes;

namespace Modular.Conformance.Runtime;

/// <summary>
/// A minimal OCI runtime spec (config.json) for a busybox root filesystem: its own pid,
/// mount, ipc, uts and network namespaces, /proc, /dev and /sys, and a cgroup under
/// <c>/modular_conformance</c> so the kit's cgroups are easy to find and remove.
/// </summary>
public static class BundleSpec
{
    public const string CgroupParent = "modular_conformance";

    public static JsonObject For(string containerId, IReadOnlyList<string> args) => new()
    {
        ["ociVersion"] = "1.0.2",
        ["process"] = new JsonObject
        {
            ["terminal"] = false,
            ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
            ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]),
            ["env"] = new JsonArray("PATH=/bin:/usr/bin:/sbin:/usr/sbin", "HOME=/"),
            ["cwd"] = "/",
            ["noNewPrivileges"] = true,
        },
        ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = false },
        ["hostname"] = "conformance",
        ["mounts"] = new JsonArray(
            Mount("/proc", "proc", "proc", []),
            Mount("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"]),
            Mount("/sys", "sysfs", "sysfs", ["nosuid", "noexec", "nodev", "ro"])),
        ["linux"] = new JsonObject
        {
            ["cgroupsPath"] = $"/{CgroupParent}/{containerId}",
            ["namespaces"] = new JsonArray(
                Namespace("pid"), Namespace("mount"), Namespace("ipc"), Namespace("uts"),
                Namespace("network")),
        },
    };

    private static JsonObject Mount(string destination, string type, string source, string[] options) => new()
    {
        ["destination"] = destination,
        ["type"] = type,
        ["source"] = source,
        ["options"] = new JsonArray([.. options.Select(o => (JsonNode?)o)]),
    };

    private static JsonObject Namespace(string type) => new() { ["type"] = type };
}
