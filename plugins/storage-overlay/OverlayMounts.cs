using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>
/// Mounts overlay views with a reference count kept under RunHome, so two users of one
/// layer (a container and a `cp`) do not unmount each other. Counts live on the runroot
/// (tmpfs), so they vanish with the mounts at reboot. The engine holds the layer-store lock.
/// </summary>
/// <param name="layout">Where the layers live.</param>
/// <param name="runHome">Where mount counts live.</param>
/// <param name="extraOptions">storage.conf <c>mountopt</c>, e.g. "nodev".</param>
internal sealed class OverlayMounts(OverlayLayout layout, string runHome, MountOptions extraOptions)
{
    /// <summary>Linux refuses mount data longer than a page.</summary>
    private const int MaxOptionLength = 4000;

    public async Task<string> MountAsync(string id, CancellationToken cancellationToken)
    {
        var merged = layout.Merged(id);
        if (IsMountPoint(merged))
        {
            // A lost count file (runroot wiped) must not stack a second mount on the first.
            WriteCount(id, Math.Max(ReadCount(id), 0) + 1);
            return merged;
        }

        Directory.CreateDirectory(merged);
        var data = Options(id, relative: false, extraOptions.Data);
        if (data.Length <= MaxOptionLength)
        {
            var result = Libc.mount("overlay", merged, "overlay", extraOptions.Flags, data);
            Libc.Check(result, "mount overlay", merged);
        }
        else
        {
            await MountRelativeAsync(id, merged, cancellationToken);
        }

        WriteCount(id, 1);
        return merged;
    }

    /// <summary>
    /// Many layers overflow the page-sized option string even with short links, so the paths
    /// go relative to the driver home, resolved against the cwd of a child `mount` (the .NET
    /// process cannot change its own cwd safely: it is shared by every thread).
    /// </summary>
    private async Task MountRelativeAsync(
        string id,
        string merged,
        CancellationToken cancellationToken)
    {
        // mount(8) sorts generic words from filesystem data itself.
        var data = Options(id, relative: true, extraOptions.Original);
        if (data.Length > MaxOptionLength)
        {
            throw new CapabilityMissingException(
                $"overlay: layer {id} has too many lower layers for one mount");
        }

        var result = await Cli.Wrap("mount")
            .WithArguments(["-t", "overlay", "-o", data, "overlay", merged])
            .WithWorkingDirectory(layout.Home)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BackendException(
                $"overlay: mounting layer {id} failed: {result.StandardError.Trim()}");
        }
    }

    public void Unmount(string id, bool force)
    {
        var count = ReadCount(id) - 1;
        if (count > 0 && !force)
        {
            WriteCount(id, count);
            return;
        }

        var merged = layout.Merged(id);
        if (IsMountPoint(merged) && Libc.umount2(merged, 0) == -1)
        {
            // Busy (an open file in it) on forced removal: detach so the directory can go.
            Libc.Check(Libc.umount2(merged, 2), "umount", merged);
        }

        DeleteCount(id);
    }

    public bool IsMounted(string id) => IsMountPoint(layout.Merged(id));

    private string Options(string id, bool relative, string extra)
    {
        var lowers = layout.Lowers(id).ToList();
        if (lowers.Count == 0)
        {
            // overlayfs needs a lower directory; a base layer gets an empty one of its own.
            Directory.CreateDirectory(layout.Empty(id));
            lowers.Add(layout.Empty(id));
        }

        var paths = lowers.Append(layout.Diff(id)).Append(layout.Work(id));
        if (paths.Any(p => p.Contains(',') || p.Contains(':')))
        {
            throw new InvalidInputException(
                $"overlay: storage path {layout.Home} may not contain ',' or ':'");
        }

        string Shown(string path) => relative ? Path.GetRelativePath(layout.Home, path) : path;
        var data = $"lowerdir={string.Join(':', lowers.Select(Shown))},"
            + $"upperdir={Shown(layout.Diff(id))},workdir={Shown(layout.Work(id))}";
        return extra.Length == 0 ? data : data + "," + extra;
    }

    private static bool IsMountPoint(string path) =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4 && Unescape(fields[4]) == path);

    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t")
            .Replace("\\012", "\n").Replace("\\134", "\\");

    /// <summary>
    /// A missing count file, or a missing run home (a fresh runroot, /run wiped at reboot),
    /// means "not mounted by us", never an error: removal and rollback depend on it.
    /// </summary>
    private int ReadCount(string id)
    {
        try
        {
            return int.TryParse(File.ReadAllText(CountFile(id)), out var n) ? n : 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private void WriteCount(string id, int count)
    {
        Directory.CreateDirectory(runHome);
        var text = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(CountFile(id), text);
    }

    private void DeleteCount(string id)
    {
        try
        {
            File.Delete(CountFile(id));
        }
        catch (DirectoryNotFoundException)
        {
            // No run home, so no count to forget.
        }
    }

    private string CountFile(string id) => Path.Combine(runHome, LayerId.Check(id) + ".mounts");
}
