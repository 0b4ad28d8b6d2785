using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// Creates one non-directory tar entry by name in an open parent directory: O_EXCL and
/// O_NOFOLLOW on create, ownership and times set without following symlinks.
/// </summary>
internal sealed class EntryWriter(RootDirectory root, string destination, ExtractOptions options)
{
    public async Task WriteAsync(
        TarEntry entry,
        Descriptor parent,
        string leaf,
        CancellationToken cancellationToken)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.SymbolicLink:
                Syscalls.Check(Syscalls.SymlinkAt(entry.LinkName, parent.Value, leaf), leaf);
                break;
            case TarEntryType.HardLink:
                Link(entry, parent, leaf);
                return; // A hard link shares its target's owner, mode and times.
            case TarEntryType.Fifo or TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                MakeNode(entry, parent, leaf);
                break;
            default:
                await WriteFileAsync(entry, parent, leaf, cancellationToken);
                break;
        }

        SetOwnerAndMode(parent, leaf, entry, options.Owner);
        SetTime(parent, leaf, entry.ModificationTime);
    }

    public static void SetOwnerAndMode(Descriptor parent, string leaf, TarEntry entry, (uint Uid, uint Gid)? owner)
    {
        var (uid, gid) = owner ?? ((uint)entry.Uid, (uint)entry.Gid);
        Syscalls.Check(Syscalls.ChownAt(parent.Value, leaf, uid, gid, Syscalls.AtSymlinkNoFollow), leaf);
        if (entry.EntryType == TarEntryType.SymbolicLink)
        {
            return; // Linux ignores a symlink's mode.
        }

        // After chown, which clears set-id bits; through a descriptor opened without following.
        var flags = Syscalls.OpenReadOnly | Syscalls.OpenNoFollow | Syscalls.OpenCloseOnExec | Syscalls.OpenPath;
        var isDirectory = entry.EntryType == TarEntryType.Directory;
        var fd = Syscalls.OpenAt(parent.Value, leaf, isDirectory ? flags & ~Syscalls.OpenPath : flags, 0);
        using var file = new Descriptor(Syscalls.Check(fd, leaf));
        var path = $"/proc/self/fd/{file.Value}";
        if (isDirectory)
        {
            Syscalls.Check(Syscalls.ChangeMode(file.Value, (uint)entry.Mode), leaf);
            return;
        }

        // fchmod refuses O_PATH descriptors; chmod through the descriptor's /proc name does not.
        File.SetUnixFileMode(path, entry.Mode);
    }

    public static unsafe void SetTime(Descriptor parent, string leaf, DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        var nanos = (time.UtcTicks % TimeSpan.TicksPerSecond) * 100;
        var times = stackalloc long[4] { seconds, nanos, seconds, nanos };
        _ = Syscalls.SetTimesAt(parent.Value, leaf, times, Syscalls.AtSymlinkNoFollow);
    }

    private async Task WriteFileAsync(
        TarEntry entry,
        Descriptor parent,
        string leaf,
        CancellationToken cancellationToken)
    {
        var flags = Syscalls.OpenWriteOnly | Syscalls.OpenCreate | Syscalls.OpenExclusive
                    | Syscalls.OpenNoFollow | Syscalls.OpenCloseOnExec;
        var fd = Syscalls.Check(Syscalls.OpenAt(parent.Value, leaf, flags, 0x180 /* 0600 */), leaf);
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        await using var file = new FileStream(handle, FileAccess.Write, 0);
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(file, cancellationToken);
        }
    }

    private void Link(TarEntry entry, Descriptor parent, string leaf)
    {
        var target = destination.TrimEnd('/') + "/" + RootDirectory.Clean(entry.LinkName);
        var (targetParent, targetLeaf) = root.OpenParent(target, Syscalls.OpenPath);
        using (targetParent)
        {
            var linked = Syscalls.LinkAt(targetParent.Value, targetLeaf, parent.Value, leaf, 0);
            Syscalls.Check(linked, entry.LinkName);
        }
    }

    private static void MakeNode(TarEntry entry, Descriptor parent, string leaf)
    {
        var type = entry.EntryType switch
        {
            TarEntryType.Fifo => FileStat.Fifo,
            TarEntryType.CharacterDevice => FileStat.CharDevice,
            _ => FileStat.BlockDevice,
        };
        var device = 0UL;
        if (entry is PosixTarEntry posix && type != FileStat.Fifo)
        {
            device = MakeDevice((uint)posix.DeviceMajor, (uint)posix.DeviceMinor);
        }

        Syscalls.Check(Syscalls.MakeNodeAt(parent.Value, leaf, type | 0x180 /* 0600 */, device), leaf);
    }

    /// <summary>glibc's makedev(3) encoding.</summary>
    private static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);
}
