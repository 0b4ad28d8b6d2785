using System.Text.Json.Nodes;

namespace Modular.Engine.Spec;

/// <summary>
/// On cgroup v1, crun mounts a tmpfs at /sys/fs/cgroup with the controllers below it and
/// leaves that tmpfs writable even when the mount asks for "ro" (runc remounts it). Listing
/// /sys/fs/cgroup among the read-only paths has the runtime bind it onto itself, recursively,
/// and remount it read-only, so the container sees the read-only cgroupfs Podman gives it.
/// A writable cgroup mount (privileged, systemd) is left as it is.
/// </summary>
public static class CgroupMountReadOnly
{
    private const string CgroupRoot = "/sys/fs/cgroup";

    public static void Apply(JsonObject spec)
    {
        var cgroup = (spec["mounts"] as JsonArray)?.LastOrDefault(
            m => m?["destination"]?.GetValue<string>() == CgroupRoot);
        var readOnly = cgroup?["options"] is JsonArray options
            && options.Any(o => o?.GetValue<string>() == "ro");
        if (!readOnly || spec["linux"] is not JsonObject linux)
        {
            return;
        }

        var paths = linux["readonlyPaths"] as JsonArray ?? [];
        linux["readonlyPaths"] = paths;
        if (!paths.Any(p => p?.GetValue<string>() == CgroupRoot))
        {
            paths.Add(CgroupRoot);
        }
    }
}
