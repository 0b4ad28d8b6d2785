using System.Runtime.InteropServices;

namespace Modular.Plugins.Storage.Overlay.Native;

/// <summary>
/// The few libc calls the BCL lacks: owners, device nodes, hard links, xattrs, times that do
/// not follow symlinks, and mount(2). Each is a single syscall on the calling thread and
/// changes no namespace, so it is safe in the multithreaded .NET process.
/// </summary>
internal static class Libc
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int ENOENT = 2;
    public const int EINVAL = 22;
    public const int EPERM = 1;
    public const int ENODATA = 61;
    public const int EOPNOTSUPP = 95;

    [DllImport("libc", SetLastError = true)]
    public static extern int lchown(string path, int owner, int group);

    [DllImport("libc", SetLastError = true)]
    public static extern int chmod(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    public static extern int mknod(string path, uint mode, ulong dev);

    [DllImport("libc", SetLastError = true)]
    public static extern int symlink(string target, string linkPath);

    [DllImport("libc", SetLastError = true)]
    public static extern int link(string existing, string newPath);

    [DllImport("libc", SetLastError = true)]
    public static extern int lsetxattr(string path, string name, byte[] value, nuint size, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern nint lgetxattr(string path, string name, byte[]? value, nuint size);

    [DllImport("libc", SetLastError = true)]
    public static extern int utimensat(int dirFd, string path, long[] times, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int statx(int dirFd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    public static extern int statfs(string path, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    public static extern int mount(
        string source,
        string target,
        string fsType,
        ulong flags,
        string data);

    [DllImport("libc", SetLastError = true)]
    public static extern int umount2(string target, int flags);

    /// <summary>glibc's makedev for the 64-bit dev_t.</summary>
    public static ulong MakeDev(int major, int minor)
    {
        var ma = (ulong)(uint)major;
        var mi = (ulong)(uint)minor;
        return ((ma & 0xfffff000) << 32) | ((ma & 0xfff) << 8)
            | ((mi & 0xffffff00) << 12) | (mi & 0xff);
    }

    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>Throws an IOException naming the call and path when a call returned -1.</summary>
    public static void Check(int result, string call, string path)
    {
        if (result == -1)
        {
            var errno = LastError;
            throw new IOException($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }
}
