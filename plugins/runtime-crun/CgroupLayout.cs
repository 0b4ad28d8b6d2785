namespace Modular.Plugins.Runtime.Crun;

/// <summary>Reads the host's cgroup mounts from /proc/self/mountinfo (no processes run).</summary>
public static class CgroupLayout
{
    /// <summary>
    /// True on a hybrid host: /sys/fs/cgroup is a tmpfs of v1 hierarchies, and a cgroup2
    /// mount at /sys/fs/cgroup/unified has controllers enabled, which crun 1.8 refuses.
    /// </summary>
    public static bool IsHybridWithUnifiedControllers(string mountInfoPath = "/proc/self/mountinfo")
    {
        var types = ReadFilesystemTypes(mountInfoPath);
        if (!types.TryGetValue("/sys/fs/cgroup", out var rootType) || rootType != "tmpfs")
        {
            return false;
        }

        if (!types.TryGetValue("/sys/fs/cgroup/unified", out var unifiedType) || unifiedType != "cgroup2")
        {
            return false;
        }

        const string controllers = "/sys/fs/cgroup/unified/cgroup.controllers";
        return File.Exists(controllers) && File.ReadAllText(controllers).Trim().Length > 0;
    }

    private static Dictionary<string, string> ReadFilesystemTypes(string mountInfoPath)
    {
        // mountinfo: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [OPTIONAL...] - FSTYPE SOURCE SUPER".
        var types = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(mountInfoPath))
        {
            var fields = line.Split(' ');
            var dash = Array.IndexOf(fields, "-");
            if (fields.Length > 4 && dash > 0 && dash + 1 < fields.Length)
            {
                types[fields[4]] = fields[dash + 1];
            }
        }

        return types;
    }
}
