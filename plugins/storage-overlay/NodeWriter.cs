using Modular.Contracts.Storage;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Creates and removes single filesystem nodes at already-resolved host paths. No call here
/// follows a symlink at the final component: files are created with O_EXCL, owners and
/// times are set with the no-follow variants, and a symlink's mode is never touched.
/// </summary>
internal static class NodeWriter
{
    private const uint PermissionBits = 0xFFF;

    public static void Remove(string path)
    {
        var stat = FileStat.Lstat(path);
        if (stat is null)
        {
            return;
        }

        if (stat.IsDirectory)
        {
            // Directory.Delete removes symlinks inside the tree as links, never their targets.
            Directory.Delete(path, recursive: true);
            return;
        }

        File.Delete(path);
    }

    public static void EnsureDirectory(string path, bool overlayForm)
    {
        var stat = FileStat.Lstat(path);
        if (stat is { IsDirectory: true })
        {
            return;
        }

        Remove(path);
        Directory.CreateDirectory(path);
        if (overlayForm && stat is { IsOverlayWhiteout: true })
        {
            // Deleted then recreated in one layer: nothing of the lower copy may show through.
            Xattr.SetOpaque(path);
        }
    }

    public static async Task<long> WriteFileAsync(
        string path,
        Stream? content,
        CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using var file = new FileStream(path, options);
        if (content is not null)
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return file.Length;
    }

    public static void CreateSpecial(string path, LayerEntry entry)
    {
        var mode = (uint)entry.Mode & PermissionBits;
        var result = entry.Type switch
        {
            LayerEntryType.Symlink => Libc.symlink(entry.LinkTarget ?? string.Empty, path),
            LayerEntryType.CharDevice => Libc.mknod(
                path, FileStat.TypeChar | mode, Libc.MakeDev(entry.DeviceMajor, entry.DeviceMinor)),
            LayerEntryType.BlockDevice => Libc.mknod(
                path, FileStat.TypeBlock | mode, Libc.MakeDev(entry.DeviceMajor, entry.DeviceMinor)),
            LayerEntryType.Fifo => Libc.mknod(path, FileStat.TypeFifo | mode, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Type, "not a special node"),
        };
        Libc.Check(result, entry.Type.ToString().ToLowerInvariant(), path);
    }

    public static void SetMetadata(string path, LayerEntry entry, bool setTimes)
    {
        Libc.Check(Libc.lchown(path, entry.Uid, entry.Gid), "lchown", path);
        if (entry.Type != LayerEntryType.Symlink)
        {
            // After chown: chown clears set-user-ID and set-group-ID bits.
            Libc.Check(Libc.chmod(path, (uint)entry.Mode & PermissionBits), "chmod", path);
        }

        foreach (var (name, value) in entry.Xattrs ?? new Dictionary<string, byte[]>())
        {
            // overlayfs reads trusted.overlay.* (opaque, redirect, origin) as instructions;
            // a layer must not smuggle them in, so only the driver itself writes them.
            if (!name.StartsWith("trusted.overlay.", StringComparison.Ordinal))
            {
                Xattr.Set(path, name, value);
            }
        }

        if (setTimes)
        {
            SetTimes(path, entry.ModifiedTime);
        }
    }

    public static void SetTimes(string path, DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        var nanoseconds = (time.UtcTicks % TimeSpan.TicksPerSecond) * 100;
        long[] times = [seconds, nanoseconds, seconds, nanoseconds];
        var result = Libc.utimensat(Libc.AtFdCwd, path, times, Libc.AtSymlinkNoFollow);
        Libc.Check(result, "utimensat", path);
    }

    /// <summary>Copies a non-directory node up from a lower layer, with owner, mode, time.</summary>
    public static void CopyUp(string source, string destination)
    {
        var stat = FileStat.Lstat(source) ?? throw new FileNotFoundException(source);
        if (stat.IsSymlink)
        {
            var target = new FileInfo(source).LinkTarget ?? string.Empty;
            Libc.Check(Libc.symlink(target, destination), "symlink", destination);
        }
        else if (stat.Type == FileStat.TypeRegular)
        {
            File.Copy(source, destination);
        }
        else
        {
            var dev = Libc.MakeDev(stat.RdevMajor, stat.RdevMinor);
            Libc.Check(Libc.mknod(destination, stat.Mode, dev), "mknod", destination);
        }

        CopyMetadata(stat, destination);
    }

    public static void CopyDirectoryMetadata(string source, string destination)
    {
        if (FileStat.Lstat(source) is { } stat)
        {
            CopyMetadata(stat, destination);
        }
    }

    private static void CopyMetadata(FileStat stat, string destination)
    {
        Libc.Check(Libc.lchown(destination, stat.Uid, stat.Gid), "lchown", destination);
        if (!stat.IsSymlink)
        {
            Libc.Check(Libc.chmod(destination, stat.Mode & PermissionBits), "chmod", destination);
        }

        SetTimes(destination, stat.ModifiedTime);
    }
}
