using System.Globalization;
using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// A container's /dev/shm as Podman keeps it: a tmpfs the engine mounts on the host, in the
/// container's directory, bound into the container at /dev/shm. Living on the host, it can
/// be bound again into another container that joins the IPC namespace, which a tmpfs inside
/// the first container's mount namespace could not be (EINVAL).
/// </summary>
public static partial class ShmMount
{
    /// <summary>Podman's default shm_size ("65536k", read by go-units FromHumanSize).</summary>
    public const long DefaultSize = 65536000;

    private const ulong NoSuid = 2, NoDev = 4, NoExec = 8;
    private const int Detach = 2, Invalid = 22, NotFound = 2;

    /// <summary>Mounts a tmpfs of <paramref name="size"/> bytes on <paramref name="directory"/>.</summary>
    /// <exception cref="BackendException">The kernel refused the mount.</exception>
    public static void Mount(string directory, long size)
    {
        Directory.CreateDirectory(directory);
        if (IsMounted(directory))
        {
            return;
        }

        var data = "mode=1777,size=" + size.ToString(CultureInfo.InvariantCulture);
        if (MountCall("shm", directory, "tmpfs", NoSuid | NoDev | NoExec, data) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new BackendException($"mounting shm tmpfs on {directory}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    /// <summary>Detaches the tmpfs; a directory not mounted (or gone) is already released.</summary>
    public static void Unmount(string directory)
    {
        while (IsMounted(directory))
        {
            if (Umount2(directory, Detach) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is Invalid or NotFound)
                {
                    return;
                }

                throw new BackendException($"unmounting shm {directory}: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
        }
    }

    /// <summary>Whether a mount sits on <paramref name="directory"/> in this mount namespace.</summary>
    public static bool IsMounted(string directory)
    {
        var full = Path.GetFullPath(directory).TrimEnd('/');
        return File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4 && Unescape(fields[4]) == full);
    }

    // mountinfo escapes space, tab, newline and backslash as octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MountCall(string source, string target, string type, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Umount2(string target, int flags);
}
