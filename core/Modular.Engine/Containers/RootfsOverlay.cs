using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary>
/// <c>--rootfs DIR:O</c>: the directory is the lower layer of an overlay whose upper layer
/// lives with the container, so the container's writes never reach DIR (Podman's :O).
/// </summary>
internal static partial class RootfsOverlay
{
    /// <summary>The suffix that asks for the overlay.</summary>
    public const string Suffix = ":O";

    private const int Detach = 2;

    /// <summary>Mounts the overlay for <paramref name="paths"/>' container; returns the merged root.</summary>
    /// <exception cref="BackendException">The kernel refused the mount.</exception>
    public static string Mount(string lower, ContainerPaths paths)
    {
        var upper = Path.Combine(paths.StaticDirectory, "rootfs-overlay", "upper");
        var work = Path.Combine(paths.StaticDirectory, "rootfs-overlay", "work");
        var merged = Merged(paths);
        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(merged);
        if (Security.ShmMount.IsMounted(merged))
        {
            return merged;
        }

        var data = $"lowerdir={lower},upperdir={upper},workdir={work}";
        if (MountCall("overlay", merged, "overlay", 0, data) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new BackendException($"mounting overlay on {lower}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        return merged;
    }

    /// <summary>Detaches the overlay; nothing mounted is already released.</summary>
    public static void Unmount(ContainerPaths paths)
    {
        var merged = Merged(paths);
        if (Security.ShmMount.IsMounted(merged))
        {
            Umount2(merged, Detach);
        }
    }

    private static string Merged(ContainerPaths paths) => Path.Combine(paths.RunDirectory, "rootfs-merged");

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MountCall(string source, string target, string type, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Umount2(string target, int flags);
}
