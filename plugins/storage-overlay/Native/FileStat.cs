using System.Buffers.Binary;

namespace Modular.Plugins.Storage.Overlay.Native;

/// <summary>The parts of statx(2) the drivers use, read without following a final symlink.</summary>
internal sealed record FileStat(
    uint Mode,
    int Uid,
    int Gid,
    long Size,
    long MtimeSeconds,
    uint MtimeNanoseconds,
    int RdevMajor,
    int RdevMinor,
    uint Links = 1,
    ulong Inode = 0)
{
    private const uint TypeMask = 0xF000;
    public const uint TypeDirectory = 0x4000;
    public const uint TypeRegular = 0x8000;
    public const uint TypeSymlink = 0xA000;
    public const uint TypeChar = 0x2000;
    public const uint TypeBlock = 0x6000;
    public const uint TypeFifo = 0x1000;

    public uint Type => Mode & TypeMask;
    public bool IsDirectory => Type == TypeDirectory;
    public bool IsSymlink => Type == TypeSymlink;
    public bool IsRegular => Type == TypeRegular;

    /// <summary>overlayfs's whiteout: a character device 0/0.</summary>
    public bool IsOverlayWhiteout => Type == TypeChar && RdevMajor == 0 && RdevMinor == 0;

    public DateTimeOffset ModifiedTime =>
        DateTimeOffset.FromUnixTimeSeconds(MtimeSeconds).AddTicks(MtimeNanoseconds / 100);

    /// <summary>Returns null when the path does not exist (or a parent is not a directory).</summary>
    public static FileStat? Lstat(string path)
    {
        // struct statx is laid out the same on every architecture, unlike struct stat.
        var buffer = new byte[256];
        if (Libc.statx(Libc.AtFdCwd, path, Libc.AtSymlinkNoFollow, 0x7ff, buffer) == -1)
        {
            var errno = Libc.LastError;
            if (errno is Libc.ENOENT or 20)
            {
                return null;
            }

            Libc.Check(-1, "statx", path);
        }

        var span = buffer.AsSpan();
        return new FileStat(
            BinaryPrimitives.ReadUInt16LittleEndian(span[28..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[20..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[40..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[112..]),
            BinaryPrimitives.ReadUInt32LittleEndian(span[120..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[128..]),
            BinaryPrimitives.ReadInt32LittleEndian(span[132..]),
            BinaryPrimitives.ReadUInt32LittleEndian(span[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[32..]));
    }
}
