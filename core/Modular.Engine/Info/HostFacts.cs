using System.Globalization;
using System.Runtime.InteropServices;

namespace Modular.Engine.Info;

/// <summary>Facts about this machine, read from /proc and /etc as Podman reads them.</summary>
internal static class HostFacts
{
    /// <summary>Go's GOARCH spelling, which Podman's <c>host.arch</c> uses.</summary>
    public static string Arch => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.X86 => "386",
        Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };

    // The mount type of /sys/fs/cgroup decides: a hybrid host's cgroup2 at .../unified is v1.
    public static string CgroupVersion => Containers.Resources.CgroupLayout.Host.Version;

    public static string Kernel => ReadTrimmed("/proc/sys/kernel/osrelease");

    public static string Hostname => Environment.MachineName;

    public static bool AppArmorEnabled =>
        ReadTrimmed("/sys/module/apparmor/parameters/enabled").StartsWith('Y');

    public static bool SelinuxEnabled => File.Exists("/sys/fs/selinux/enforce");

    /// <summary>Whether the kernel offers seccomp: a "Seccomp:" line in our own status.</summary>
    public static bool SeccompEnabled =>
        ReadLines("/proc/self/status").Any(l => l.StartsWith("Seccomp:", StringComparison.Ordinal));

    /// <summary>Size and use of the file system holding a path (or its nearest parent).</summary>
    public static (long Total, long Used) FileSystemSize(string path)
    {
        var existing = path;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        try
        {
            var drive = new DriveInfo(existing);
            return (drive.TotalSize, drive.TotalSize - drive.TotalFreeSpace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (0, 0);
        }
    }

    /// <summary>/etc/os-release ID, VERSION_ID and VERSION_CODENAME.</summary>
    public static IReadOnlyDictionary<string, string> OsRelease()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadLines("/etc/os-release"))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..].Trim('"');
            }
        }

        return values;
    }

    /// <summary>A /proc/meminfo value in bytes, 0 when absent.</summary>
    public static long Memory(string key)
    {
        foreach (var line in ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(key.Length + 1)..].Trim().Split(' ')[0];
                return long.TryParse(kilobytes, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
            }
        }

        return 0;
    }

    /// <summary>Uptime as Podman prints it, e.g. <c>3h 2m 1.00s</c>.</summary>
    public static string Uptime()
    {
        var first = ReadTrimmed("/proc/uptime").Split(' ')[0];
        if (!double.TryParse(first, CultureInfo.InvariantCulture, out var seconds))
        {
            return "";
        }

        var span = TimeSpan.FromSeconds(seconds);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(int)span.TotalHours}h {span.Minutes}m {span.Seconds + span.Milliseconds / 1000.0:0.00}s");
    }

    private static string ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static IEnumerable<string> ReadLines(string path) =>
        ReadTrimmed(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
