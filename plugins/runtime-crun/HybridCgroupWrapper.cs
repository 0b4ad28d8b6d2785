using System.Text;

namespace Modular.Plugins.Runtime.Crun;

/// <summary>
/// The script conmon runs instead of crun on a hybrid cgroup host.
/// Why a wrapper: crun 1.8 sees the cgroup2 mount at /sys/fs/cgroup/unified and refuses
/// ("cgroups in hybrid mode not supported"); it has no flag to ignore that mount. Hiding
/// the mount in a private mount namespace of the runtime process alone leaves the host and
/// the engine untouched, and keeps namespace work out of the multithreaded .NET process
/// (unshare(2) there would affect one thread at best). crun's state lives under --root,
/// a plain directory, so create, start, state, kill and delete each run in their own
/// throwaway namespace and still see the same container.
/// </summary>
public static class HybridCgroupWrapper
{
    public const string FileName = "crun-hybrid-wrapper";

    /// <summary>Writes the wrapper for <paramref name="crunPath"/> once; returns its path.</summary>
    public static string Ensure(string directory, string crunPath)
    {
        var path = Path.Combine(directory, FileName);
        if (IsCurrent(path, crunPath))
        {
            return path;
        }

        var content = Render(crunPath);

        // Written under a unique temporary name, then renamed, so a concurrent conmon never runs half
        // a script and racing writers (threads or processes) never share a temporary file.
        Directory.CreateDirectory(directory);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(false));
        File.SetUnixFileMode(
            temporary,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>True when <paramref name="path"/> holds this version of the wrapper for that crun.</summary>
    public static bool IsCurrent(string path, string crunPath) =>
        File.Exists(path) && File.ReadAllText(path) == Render(crunPath);

    private static string Render(string crunPath)
    {
        var quoted = "'" + crunPath.Replace("'", "'\\''") + "'";
        return "#!/bin/sh\n"
            + "# Written by Modular's crun plugin: runs crun with the cgroup2 mount of this hybrid\n"
            + "# host hidden in a private mount namespace, because crun 1.8 refuses hybrid mode.\n"
            + "exec unshare -m --propagation private /bin/sh -c '\n"
            + "if grep -q \" /sys/fs/cgroup/unified [^-]* - cgroup2 \" /proc/self/mountinfo; then\n"
            + "  umount -l /sys/fs/cgroup/unified || exit 125\n"
            + "fi\n"
            + "exec \"$0\" \"$@\"' " + quoted + " \"$@\"\n";
    }
}
