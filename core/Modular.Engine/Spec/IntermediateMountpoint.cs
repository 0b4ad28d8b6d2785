using System.Text;

namespace Modular.Engine.Spec;

/// <summary>
/// The root of a container in a user namespace must be reachable by its mapped root, but
/// the store usually sits below directories only the real root may enter (a 0700 graphroot
/// or temporary directory). As Podman does, the runtime is started in a private mount
/// namespace where the rootfs is bound onto a directory under TMPDIR that anyone may
/// traverse, and the spec names that directory. The directory is shared by all containers;
/// each bind exists only in the mount namespace of one runtime invocation.
/// </summary>
public static class IntermediateMountpoint
{
    public const string ScriptName = "userns-runtime";

    /// <summary>A 0755 directory of ours under TMPDIR or /tmp (the next free name otherwise).</summary>
    public static string Path()
    {
        // TMPDIR as Podman, unless it sits below a directory others cannot enter (a test
        // harness's 0700 work directory); /tmp then.
        var temp = Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } t && Traversable(t) ? t : "/tmp";
        for (var i = 0; ; i++)
        {
            var dir = System.IO.Path.Combine(temp, $"modular-intermediate-mountpoint-{Environment.UserName}.{i}");
            var info = new DirectoryInfo(dir);
            if (!info.Exists)
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                return dir;
            }

            // A link, or a directory others may write, could be swapped under us: take the next
            // name. (.NET reads no owner; the bind happens only in the runtime's own namespace.)
            if (info.LinkTarget is null && LooksUsable(dir))
            {
                return dir;
            }
        }
    }

    /// <summary>
    /// Writes the runtime wrapper conmon runs for this container: a private mount namespace,
    /// the rootfs bound onto <paramref name="intermediate"/>, then the runtime itself.
    /// </summary>
    public static string WriteRuntimeScript(string bundle, string rootfs, string intermediate, string runtime)
    {
        static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
        var script = "#!/bin/sh\n"
            + "# Written by Modular: the runtime sees this container's rootfs at a path its\n"
            + "# user namespace can reach (see IntermediateMountpoint).\n"
            + "exec unshare -m --propagation private /bin/sh -c "
            + "'mount --bind \"$1\" \"$2\" || exit 125; shift 2; exec \"$@\"' sh "
            + $"{Quote(rootfs)} {Quote(intermediate)} {Quote(runtime)} \"$@\"\n";
        var path = System.IO.Path.Combine(bundle, ScriptName);
        File.WriteAllText(path, script, new UTF8Encoding(false));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static bool Traversable(string dir)
    {
        for (var current = System.IO.Path.GetFullPath(dir); current is not null; current = System.IO.Path.GetDirectoryName(current))
        {
            if (!Directory.Exists(current) || !File.GetUnixFileMode(current).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksUsable(string dir)
    {
        var mode = File.GetUnixFileMode(dir);
        return mode.HasFlag(UnixFileMode.OtherExecute) && mode.HasFlag(UnixFileMode.UserWrite)
            && !mode.HasFlag(UnixFileMode.OtherWrite) && Directory.Exists(dir);
    }
}
