namespace Modular.Engine.Containers.Resources;

/// <summary>
/// cgroupfs directories Modular makes itself, outside what the runtime makes for a
/// container: a pod's cgroup and the <c>conmon</c> cgroup beside the containers, as
/// Podman's cgroupfs manager makes them. A path is the same in every hierarchy (every v1
/// controller, or the single v2 tree).
/// </summary>
public static class CgroupTree
{
    private const string UnifiedRoot = "/sys/fs/cgroup";

    /// <summary>Creates <paramref name="path"/> (and its parents) in every hierarchy.</summary>
    public static void Ensure(string path, CgroupLayout layout)
    {
        foreach (var root in Roots(layout))
        {
            var current = root;
            foreach (var part in Parts(path))
            {
                var parent = current;
                current = Path.Combine(current, part);
                if (!Directory.Exists(current))
                {
                    Directory.CreateDirectory(current);
                    InheritCpuset(parent, current);
                }
            }
        }
    }

    /// <summary>Moves <paramref name="pid"/> into <paramref name="path"/> in every hierarchy.</summary>
    public static void Join(string path, int pid, CgroupLayout layout)
    {
        Ensure(path, layout);
        foreach (var root in Roots(layout))
        {
            File.WriteAllText(Path.Combine(Dir(root, path), "cgroup.procs"), pid.ToString(
                System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Removes <paramref name="path"/> and every empty cgroup below it in every hierarchy;
    /// returns the directories that could not go (still holding a process).
    /// </summary>
    public static IReadOnlyList<string> Remove(string path, CgroupLayout layout)
    {
        var left = new List<string>();
        foreach (var directory in Roots(layout).Select(root => Dir(root, path)).Where(Directory.Exists))
        {
            var deepestFirst = Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories)
                .OrderByDescending(child => child.Length)
                .Append(directory);
            foreach (var cgroup in deepestFirst)
            {
                try
                {
                    // cgroupfs removes a cgroup's files with rmdir; a recursive delete would fail.
                    Directory.Delete(cgroup);
                }
                catch (IOException)
                {
                    left.Add(cgroup);
                }
            }
        }

        return left;
    }

    /// <summary>True when <paramref name="path"/> exists in any hierarchy.</summary>
    public static bool Exists(string path, CgroupLayout layout) =>
        Roots(layout).Any(root => Directory.Exists(Dir(root, path)));

    private static IEnumerable<string> Roots(CgroupLayout layout) =>
        layout.IsUnified ? [UnifiedRoot] : layout.Hierarchies;

    private static string Dir(string root, string path) => Path.Combine([root, .. Parts(path)]);

    private static string[] Parts(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    // A new v1 cpuset starts with no CPUs and no memory nodes, and takes no task until it has
    // both; the parent's are copied, as runc does for the directories it makes.
    private static void InheritCpuset(string parent, string created)
    {
        foreach (var file in new[] { "cpuset.cpus", "cpuset.mems" })
        {
            var mine = Path.Combine(created, file);
            var theirs = Path.Combine(parent, file);
            if (File.Exists(mine) && File.Exists(theirs) && File.ReadAllText(mine).Trim().Length == 0)
            {
                File.WriteAllText(mine, File.ReadAllText(theirs).Trim());
            }
        }
    }
}
