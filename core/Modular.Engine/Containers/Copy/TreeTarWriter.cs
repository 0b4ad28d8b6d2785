using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// Writes one file or directory tree below a <see cref="RootDirectory"/> as tar entries. The
/// walk holds a descriptor for each directory and opens children relative to it with
/// O_NOFOLLOW, so nothing is read through a symlink, even one swapped in while copying.
/// </summary>
internal sealed class TreeTarWriter(TarWriter writer)
{
    private readonly Dictionary<(ulong, ulong), string> _firstNames = [];

    /// <summary>
    /// Writes <paramref name="path"/> (symlinks already evaluated) as <paramref name="topName"/>,
    /// or only the directory's contents when <paramref name="topName"/> is null.
    /// </summary>
    public async Task WriteAsync(
        RootDirectory root,
        string path,
        string? topName,
        CancellationToken cancellationToken)
    {
        if (topName is null)
        {
            using var directory = root.Open(path, Syscalls.OpenDirectory);
            await WriteChildrenAsync(directory, "", cancellationToken);
            return;
        }

        var (parent, name) = root.OpenParent(path, Syscalls.OpenReadOnly);
        using (parent)
        {
            await WriteEntryAsync(parent, name, topName, cancellationToken);
        }
    }

    private async Task WriteChildrenAsync(
        Descriptor directory,
        string prefix,
        CancellationToken cancellationToken)
    {
        foreach (var child in directory.List())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteEntryAsync(directory, child, prefix + child, cancellationToken);
        }
    }

    private async Task WriteEntryAsync(
        Descriptor directory,
        string name,
        string archiveName,
        CancellationToken cancellationToken)
    {
        if (Syscalls.Stat(directory.Value, name, follow: false) is not { } stat)
        {
            return; // Gone since it was listed: a running container changed it.
        }

        switch (stat.Type)
        {
            case FileStat.Directory:
                var directoryEntry = Entry(TarEntryType.Directory, archiveName + "/", stat);
                await writer.WriteEntryAsync(directoryEntry, cancellationToken);
                using (var child = OpenChild(directory, name, Syscalls.OpenDirectory))
                {
                    await WriteChildrenAsync(child, archiveName + "/", cancellationToken);
                }

                break;
            case FileStat.Regular:
                await WriteFileAsync(directory, name, archiveName, stat, cancellationToken);
                break;
            case FileStat.Symlink:
                var link = Entry(TarEntryType.SymbolicLink, archiveName, stat);
                link.LinkName = Syscalls.ReadLink(directory.Value, name);
                await writer.WriteEntryAsync(link, cancellationToken);
                break;
            case FileStat.Fifo or FileStat.CharDevice or FileStat.BlockDevice:
                await writer.WriteEntryAsync(Special(archiveName, stat), cancellationToken);
                break;
            default:
                break; // Sockets have no tar type; GNU tar and Podman skip them too.
        }
    }

    private async Task WriteFileAsync(
        Descriptor directory,
        string name,
        string archiveName,
        FileStat stat,
        CancellationToken cancellationToken)
    {
        if (stat.Links > 1)
        {
            if (_firstNames.TryGetValue((stat.Device, stat.Inode), out var first))
            {
                var hard = Entry(TarEntryType.HardLink, archiveName, stat);
                hard.LinkName = first;
                await writer.WriteEntryAsync(hard, cancellationToken);
                return;
            }

            _firstNames[(stat.Device, stat.Inode)] = archiveName;
        }

        using var file = OpenChild(directory, name, 0);
        using var handle = new SafeFileHandle(file.Value, ownsHandle: false);
        await using var content = new FileStream(handle, FileAccess.Read, 0);
        var entry = Entry(TarEntryType.RegularFile, archiveName, stat);
        entry.DataStream = new BoundedStream(content, stat.Size);
        await writer.WriteEntryAsync(entry, cancellationToken);
    }

    private static Descriptor OpenChild(Descriptor directory, string name, int flags)
    {
        var all = flags | Syscalls.OpenNoFollow | Syscalls.OpenCloseOnExec;
        return new Descriptor(Syscalls.Check(Syscalls.OpenAt(directory.Value, name, all, 0), name));
    }

    private static PaxTarEntry Special(string archiveName, FileStat stat)
    {
        var type = stat.Type switch
        {
            FileStat.Fifo => TarEntryType.Fifo,
            FileStat.CharDevice => TarEntryType.CharacterDevice,
            _ => TarEntryType.BlockDevice,
        };
        var entry = Entry(type, archiveName, stat);
        if (type != TarEntryType.Fifo)
        {
            entry.DeviceMajor = (int)stat.RdevMajor;
            entry.DeviceMinor = (int)stat.RdevMinor;
        }

        return entry;
    }

    private static PaxTarEntry Entry(TarEntryType type, string name, FileStat stat) =>
        new(type, name)
        {
            Mode = (UnixFileMode)stat.Permissions,
            Uid = (int)stat.Uid,
            Gid = (int)stat.Gid,
            ModificationTime = stat.Modified,
        };
}
