using System.Runtime.InteropServices;

namespace Modular.Engine.Containers.Export;

/// <summary>
/// A file's (device, inode) pair from lstat(2), which the BCL does not expose; two names
/// with the same pair are hard links. st_dev and st_ino are the first two 8-byte fields of
/// struct stat on both x86_64 and aarch64 glibc.
/// </summary>
public static partial class FileIdentity
{
    private const int StatSize = 256;

    public static (ulong Device, ulong Inode)? Of(string path)
    {
        Span<byte> buffer = stackalloc byte[StatSize];
        if (lstat(path, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return null;
        }

        return (MemoryMarshal.Read<ulong>(buffer), MemoryMarshal.Read<ulong>(buffer[8..]));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lstat(string path, ref byte buffer);
}
