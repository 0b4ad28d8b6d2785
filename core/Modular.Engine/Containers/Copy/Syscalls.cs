using System.Runtime.InteropServices;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// The *at(2) family and openat2(2), which the BCL does not expose. Every path that cp
/// touches inside a root goes through a directory descriptor, so a symlink a container swaps
/// in mid-copy is looked up by the kernel relative to that descriptor, never by path text.
/// </summary>
internal static unsafe partial class Syscalls
{
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;

    // openat2's RESOLVE_IN_ROOT: "/" and ".." stop at the directory descriptor, absolute
    // symlinks are taken relative to it. NO_MAGICLINKS refuses /proc/self/fd style jumps.
    public const ulong ResolveInRoot = 0x10;
    public const ulong ResolveNoMagicLinks = 0x02;

    private const long Openat2Number = 437;
    private const StringMarshalling Utf8 = StringMarshalling.Utf8;
    private const uint StatxBasicStats = 0x7ff;

    public static int OpenReadOnly => 0;
    public static int OpenWriteOnly => 1;
    public static int OpenCreate => 0x40;
    public static int OpenExclusive => 0x80;
    public static int OpenCloseOnExec => 0x80000;
    public static int OpenPath => 0x200000;

    // O_DIRECTORY and O_NOFOLLOW are the two flags whose values differ between x86_64 and arm64.
    public static int OpenDirectory => IsArm64 ? 0x4000 : 0x10000;
    public static int OpenNoFollow => IsArm64 ? 0x8000 : 0x20000;

    private static bool IsArm64 => RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    public static int OpenInRoot(int rootFd, string path, int flags, uint mode = 0)
    {
        var how = stackalloc ulong[3];
        how[0] = (ulong)(flags | OpenCloseOnExec);
        how[1] = mode;
        how[2] = ResolveInRoot | ResolveNoMagicLinks;
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            return (int)syscall(Openat2Number, rootFd, (nint)p, (nint)how, 24);
        }
    }

    public static FileStat? Stat(int dirFd, string path, bool follow)
    {
        var buffer = stackalloc byte[256];
        var flags = (follow ? 0 : AtSymlinkNoFollow) | (path.Length == 0 ? AtEmptyPath : 0);
        if (statx(dirFd, path, flags, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        return FileStat.From(new ReadOnlySpan<byte>(buffer, 256));
    }

    public static string ReadLink(int dirFd, string name)
    {
        var buffer = stackalloc byte[4096];
        var length = readlinkat(dirFd, name, buffer, 4096);
        Check((int)length, name);
        return System.Text.Encoding.UTF8.GetString(buffer, (int)length);
    }

    /// <summary>Throws an <see cref="IOException"/> carrying errno when a call returned -1.</summary>
    public static int Check(int result, string what)
    {
        if (result < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new CopyIOException(errno, what);
        }

        return result;
    }

    public static string Describe(int errno)
    {
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, int dirFd, nint path, nint how, nint size);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = Utf8)]
    private static partial int statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = Utf8)]
    private static partial nint readlinkat(int dirFd, string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int OpenAt(int dirFd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int MakeDirectoryAt(int dirFd, string path, uint mode);

    [LibraryImport("libc", EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int SymlinkAt(string target, int dirFd, string path);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int LinkAt(int oldDirFd, string oldPath, int newDirFd, string newPath, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int UnlinkAt(int dirFd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int ChownAt(int dirFd, string path, uint uid, uint gid, int flags);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static partial int ChangeMode(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "mknodat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int MakeNodeAt(int dirFd, string path, uint mode, ulong device);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = Utf8)]
    public static partial int SetTimesAt(int dirFd, string path, long* times, int flags);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUser();

    [LibraryImport("libc", EntryPoint = "getegid")]
    public static partial uint EffectiveGroup();

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
