using System.Formats.Tar;

namespace Modular.Engine.Containers.Copy;

/// <summary>
/// Extracts a tar stream into a directory below a <see cref="RootDirectory"/>. Entry names are
/// cleaned lexically (".." stops at the top, a leading "/" is dropped), then every lookup goes
/// through openat2 with RESOLVE_IN_ROOT: a symlink in the destination, or one an earlier entry
/// created, is followed as if the root were "/" and never leads a write out of it.
/// </summary>
internal sealed class TarExtractor(RootDirectory root, string destination, ExtractOptions options)
{
    private readonly List<(string Path, DateTimeOffset Time)> _directoryTimes = [];

    public async Task ExtractAsync(Stream tar, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var name = RootDirectory.Clean(entry.Name);
            if (name.Length == 0 || entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            await ExtractEntryAsync(entry, destination.TrimEnd('/') + "/" + name, cancellationToken);
        }

        // Directory times last: writing their children moved them.
        _directoryTimes.Reverse();
        foreach (var (path, time) in _directoryTimes)
        {
            var (parent, leaf) = root.OpenParent(path, Syscalls.OpenPath);
            using (parent)
            {
                EntryWriter.SetTime(parent, leaf, time);
            }
        }
    }

    private async Task ExtractEntryAsync(TarEntry entry, string path, CancellationToken cancellationToken)
    {
        RefuseBusy(path);
        var (parent, leaf) = OpenParentCreating(path);
        using (parent)
        {
            var existing = Syscalls.Stat(parent.Value, leaf, follow: false);
            if (entry.EntryType == TarEntryType.Directory)
            {
                ExtractDirectory(entry, parent, leaf, path, existing);
                return;
            }

            if (IsSkipped(entry))
            {
                return;
            }

            ClearForNonDirectory(parent, leaf, path, existing);
            await new EntryWriter(root, destination, options).WriteAsync(entry, parent, leaf, cancellationToken);
        }
    }

    private bool IsSkipped(TarEntry entry) =>
        entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile
            or TarEntryType.ContiguousFile or TarEntryType.SymbolicLink or TarEntryType.HardLink
            or TarEntryType.Fifo or TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        || (options.IgnoreDevices
            && entry.EntryType is TarEntryType.CharacterDevice or TarEntryType.BlockDevice);

    private void ExtractDirectory(TarEntry entry, Descriptor parent, string leaf, string path, FileStat? existing)
    {
        if (existing is { IsDirectory: false } && root.Stat(path) is { IsDirectory: true })
        {
            // A symlink to a directory (/var/run -> /run) stays a symlink, as tar's
            // --keep-directory-symlink does; what goes below it lands inside the root anyway.
            return;
        }

        if (existing is { IsDirectory: false })
        {
            Refuse(!options.Overwrite, $"creating \"{path}\": file exists");
            Syscalls.Check(Syscalls.UnlinkAt(parent.Value, leaf, 0), path);
            existing = null;
        }

        if (existing is null)
        {
            Syscalls.Check(Syscalls.MakeDirectoryAt(parent.Value, leaf, 0x1C0 /* 0700 */), path);
        }

        EntryWriter.SetOwnerAndMode(parent, leaf, entry, options.Owner);
        _directoryTimes.Add((path, entry.ModificationTime));
    }

    private void ClearForNonDirectory(Descriptor parent, string leaf, string path, FileStat? existing)
    {
        if (existing is null)
        {
            return;
        }

        if (existing.Value.IsDirectory)
        {
            Refuse(!options.Overwrite, $"creating \"{path}\": file exists");
            TreeRemover.Remove(parent, leaf);
            return;
        }

        Syscalls.Check(Syscalls.UnlinkAt(parent.Value, leaf, 0), path);
    }

    // A file bound over the layer (/etc/hosts of a running container) is a mount point: the
    // kernel refuses to unlink it in the container, and replacing it in the layer is unseen.
    private void RefuseBusy(string path)
    {
        if (options.Busy is { Count: > 0 } busy
            && (busy.Contains(path) || (root.Resolve(path) is { } resolved && busy.Contains(resolved))))
        {
            throw new IOException($"unlinkat {path}: device or resource busy");
        }
    }

    private static void Refuse(bool refuse, string message)
    {
        if (refuse)
        {
            throw new IOException(message);
        }
    }

    /// <summary>Opens the entry's parent directory, creating missing directories on the way.</summary>
    private (Descriptor Parent, string Leaf) OpenParentCreating(string path)
    {
        var parts = RootDirectory.Relative(path).Split('/');
        var leaf = parts[^1];
        var parentPath = string.Join('/', parts[..^1]);
        try
        {
            return (root.Open(parentPath, Syscalls.OpenDirectory), leaf);
        }
        catch (CopyIOException e) when (e.Errno == CopyIOException.NoEntry)
        {
            CreateDirectories(parts[..^1]);
            return (root.Open(parentPath, Syscalls.OpenDirectory), leaf);
        }
    }

    private void CreateDirectories(string[] parts)
    {
        for (var i = 1; i <= parts.Length; i++)
        {
            var prefix = string.Join('/', parts[..i]);
            if (root.Stat(prefix) is not null)
            {
                continue;
            }

            var (parent, name) = root.OpenParent(prefix, Syscalls.OpenPath);
            using (parent)
            {
                var made = Syscalls.MakeDirectoryAt(parent.Value, name, 0x1ED /* 0755 */);
                var errno = made != 0 ? System.Runtime.InteropServices.Marshal.GetLastPInvokeError() : 0;
                if (made != 0 && Syscalls.Stat(parent.Value, name, follow: true) is not { IsDirectory: true })
                {
                    // A dangling symlink on the way (EEXIST) fails here, as it does for tar.
                    throw new CopyIOException(errno, "/" + prefix);
                }

                if (options.Owner is { } owner)
                {
                    _ = Syscalls.ChownAt(parent.Value, name, owner.Uid, owner.Gid, Syscalls.AtSymlinkNoFollow);
                }
            }
        }
    }
}
