using System.Text.Json.Nodes;

namespace Modular.Engine.Security;

public static partial class SecuritySpec
{
    // Where systemd expects a fresh tmpfs, as Podman mounts them in systemd mode.
    private static readonly string[] SystemdTmpfsPaths = ["/run", "/run/lock", "/tmp", "/var/log/journal"];

    private static void ApplySystemd(JsonArray mounts, SecuritySettings settings)
    {
        if (!settings.Systemd)
        {
            return;
        }

        foreach (var path in SystemdTmpfsPaths.Where(p => !mounts.Any(m => Destination(m) == p)))
        {
            mounts.Add(Mount(path, "tmpfs", "tmpfs", "rw", "rprivate", "nosuid", "nodev", "tmpcopyup"));
        }
    }

    /// <summary>
    /// Parents before children, as Podman sorts mounts by path depth: a tmpfs on /run added
    /// late must not hide the /run/.containerenv bound earlier. The sort is stable.
    /// </summary>
    private static void SortMounts(JsonObject spec)
    {
        var mounts = spec["mounts"]!.AsArray();
        var sorted = mounts.Select(m => m!.DeepClone())
            .OrderBy(m => (Destination(m) ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Length)
            .ToList();
        spec["mounts"] = new JsonArray([.. sorted]);
    }
}
