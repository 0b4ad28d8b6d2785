namespace Modular.Engine.Containers.Resources;

/// <summary>
/// The host's cgroup layout, read once from /proc/self/mountinfo: unified (v2) when
/// /sys/fs/cgroup itself is a cgroup2 mount, else v1 with a mount point per controller
/// (a hybrid host's /sys/fs/cgroup/unified is then ignored, as runc does).
/// </summary>
public sealed class CgroupLayout
{
    private const string Root = "/sys/fs/cgroup";
    private readonly Dictionary<string, string> _controllers;

    private CgroupLayout(bool unified, Dictionary<string, string> controllers)
    {
        IsUnified = unified;
        _controllers = controllers;
    }

    /// <summary>The layout of this host.</summary>
    public static CgroupLayout Host { get; } = Read(File.ReadLines("/proc/self/mountinfo"));

    public bool IsUnified { get; }

    /// <summary>"v2" or "v1", as <c>info</c> names it.</summary>
    public string Version => IsUnified ? "v2" : "v1";

    /// <summary>Parses mountinfo lines; for tests as well as for the host.</summary>
    public static CgroupLayout Read(IEnumerable<string> mountInfo)
    {
        var controllers = new Dictionary<string, string>(StringComparer.Ordinal);
        var unified = false;
        foreach (var line in mountInfo)
        {
            // Fields: id parent dev root mountpoint options [optional...] - fstype source superoptions
            var halves = line.Split(" - ", 2);
            var fields = halves[0].Split(' ');
            var tail = halves.Length > 1 ? halves[1].Split(' ') : [];
            if (fields.Length < 5 || tail.Length < 3)
            {
                continue;
            }

            var mountPoint = fields[4];
            if (tail[0] == "cgroup2" && mountPoint == Root)
            {
                unified = true;
            }
            else if (tail[0] == "cgroup")
            {
                foreach (var option in tail[2].Split(','))
                {
                    controllers.TryAdd(option, mountPoint);
                }
            }
        }

        return new CgroupLayout(unified, controllers);
    }

    /// <summary>Every v1 hierarchy's mount point, once each (empty on a unified host).</summary>
    public IReadOnlyList<string> Hierarchies => _controllers.Values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Where the v1 hierarchy of <paramref name="controller"/> is mounted, or null.</summary>
    public string? MountOf(string controller) =>
        _controllers.TryGetValue(controller, out var mount) ? mount : null;

    /// <summary>
    /// The directory of <paramref name="controller"/> for the process <paramref name="pid"/>,
    /// from /proc/PID/cgroup; null when the process is gone or the controller is missing.
    /// </summary>
    public string? DirectoryOf(int pid, string controller)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/cgroup");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        foreach (var parts in lines.Select(line => line.Split(':', 3)).Where(parts => parts.Length == 3))
        {
            if (IsUnified && parts[0] == "0")
            {
                return Root + parts[2];
            }

            if (!IsUnified && parts[1].Split(',').Contains(controller)
                && _controllers.TryGetValue(controller, out var mount))
            {
                return mount + parts[2];
            }
        }

        return null;
    }
}
