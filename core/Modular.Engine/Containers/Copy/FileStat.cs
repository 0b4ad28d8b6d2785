using System.Buffers.Binary;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// The fields of struct statx that a tar entry needs. statx has one layout on every
/// architecture, unlike struct stat, which is why it is used here.
/// </summary>
internal readonly record struct FileStat(
    uint Mode,
    uint Uid,
    uint Gid,
    uint Links,
    long Size,
    DateTimeOffset Modified,
    uint RdevMajor,
    uint RdevMinor,
    ulong Device,
    ulong Inode)
{
    public const uint TypeMask = 0xF000;
    public const uint Directory = 0x4000;
    public const uint Regular = 0x8000;
    public const uint Symlink = 0xA000;
    public const uint Fifo = 0x1000;
    public const uint CharDevice = 0x2000;
    public const uint BlockDevice = 0x6000;
    public const uint Socket = 0xC000;

    public uint Type => Mode & TypeMask;

    public bool IsDirectory => Type == Directory;

    public uint Permissions => Mode & 0xFFF;

    public static FileStat From(ReadOnlySpan<byte> b)
    {
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(b[112..]);
        var nanos = BinaryPrimitives.ReadUInt32LittleEndian(b[120..]);
        var modified = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        return new FileStat(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(b[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
            Gid: BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
            Size: BinaryPrimitives.ReadInt64LittleEndian(b[40..]),
            Modified: modified,
            RdevMajor: BinaryPrimitives.ReadUInt32LittleEndian(b[128..]),
            RdevMinor: BinaryPrimitives.ReadUInt32LittleEndian(b[132..]),
            Device: ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[136..]) << 32)
                    | BinaryPrimitives.ReadUInt32LittleEndian(b[140..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]));
    }
}
