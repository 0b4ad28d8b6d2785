using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;
using Modular.Engine.State;

namespace Modular.Engine.Volumes;

/// <summary>
/// Creating and removing volumes, and the mount count of volumes with options: the first
/// container that mounts one mounts its device, the last one to stop unmounts it.
/// Everything here runs under the volumes lock. Creation and removal are events of type
/// volume, as Podman logs them, when an event log is given.
/// </summary>
public sealed class VolumeLifecycle(VolumeStore store, IEventLog? events = null)
{
    private static readonly HashSet<string> LocalOptions =
        ["type", "device", "o", "uid", "gid", "UID", "GID", "copy", "nocopy", "noquota", "size", "inodes"];

    public VolumeStore Store { get; } = store;

    public async Task<VolumeRecord> CreateAsync(VolumeCreateRequest request, CancellationToken cancellationToken)
    {
        using var volumesLock = await Store.LockAsync(cancellationToken);
        return await CreateLockedAsync(request, cancellationToken);
    }

    /// <summary>Creates the volume's row and directory; the caller holds the volumes lock.</summary>
    public async Task<VolumeRecord> CreateLockedAsync(
        VolumeCreateRequest request,
        CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(request.Name)
            ? Convert.ToHexStringLower(KernelRandom.Bytes(32))
            : VolumeName.Validate(request.Name);
        CheckDriver(request.Driver);
        var options = ParseOptions(request.Options ?? []);
        if (request.IgnoreExisting && await Store.FindAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        var record = await Store.InsertAsync(
            new VolumeRecord
            {
                Name = name,
                CreatedAt = DateTimeOffset.Now,
                Labels = Pairs(request.Labels ?? []),
                Options = options,
                // A volume created without a name is anonymous, so a plain prune takes it.
                Anonymous = request.Anonymous || string.IsNullOrEmpty(request.Name),
                NeedsCopyUp = !options.ContainsKey("nocopy"),
            },
            cancellationToken);
        try
        {
            await MakeDirectoriesAsync(record, cancellationToken);
        }
        catch
        {
            // A failed create leaves neither row nor directory behind.
            if (Directory.Exists(Store.DirectoryOf(record.Name)))
            {
                Directory.Delete(Store.DirectoryOf(record.Name), recursive: true);
            }

            await Store.DeleteAsync(record.Name, CancellationToken.None);
            throw;
        }

        await EmitAsync(record.Name, "create", cancellationToken);
        return record;
    }

    /// <summary>Deletes row and data; the caller holds the lock and has checked it is unused.</summary>
    public async Task DeleteLockedAsync(VolumeRecord record, CancellationToken cancellationToken)
    {
        var mountPoint = Store.MountPointOf(record.Name);
        if (record.HasMountOptions && IsMountPoint(mountPoint))
        {
            await VolumeCommands.UnmountAsync(mountPoint, cancellationToken);
        }

        if (Directory.Exists(Store.DirectoryOf(record.Name)))
        {
            Directory.Delete(Store.DirectoryOf(record.Name), recursive: true);
        }

        await Store.DeleteAsync(record.Name, cancellationToken);
        await EmitAsync(record.Name, "remove", cancellationToken);
    }

    private Task EmitAsync(string name, string status, CancellationToken cancellationToken) =>
        events?.AppendAsync(
            new EngineEvent("volume", status, "", name, DateTimeOffset.UtcNow, new Dictionary<string, string>()),
            cancellationToken) ?? Task.CompletedTask;

    /// <summary>Notes that <paramref name="containerId"/> mounts the volume; mounts its device if first.</summary>
    public async Task<VolumeRecord> AcquireLockedAsync(
        VolumeRecord record,
        string containerId,
        CancellationToken cancellationToken)
    {
        if (record.MountedBy.Contains(containerId))
        {
            return record;
        }

        var mountPoint = Store.MountPointOf(record.Name);
        if (record.HasMountOptions && !IsMountPoint(mountPoint))
        {
            await VolumeCommands.MountAsync(record.Options, mountPoint, cancellationToken);
        }

        record = record with { MountedBy = [.. record.MountedBy, containerId] };
        await Store.UpdateAsync(record, cancellationToken);
        return record;
    }

    /// <summary>Forgets <paramref name="containerId"/>; unmounts the device when no container is left.</summary>
    public async Task ReleaseLockedAsync(
        VolumeRecord record,
        string containerId,
        CancellationToken cancellationToken)
    {
        var left = record.MountedBy.Where(id => id != containerId).ToList();
        var mountPoint = Store.MountPointOf(record.Name);
        if (record.HasMountOptions && left.Count == 0 && IsMountPoint(mountPoint))
        {
            await VolumeCommands.UnmountAsync(mountPoint, cancellationToken);
        }

        if (left.Count != record.MountedBy.Count)
        {
            await Store.UpdateAsync(record with { MountedBy = left }, cancellationToken);
        }
    }

    /// <summary>Whether a mount sits exactly on <paramref name="path"/> (per /proc/self/mountinfo).</summary>
    public static bool IsMountPoint(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        return File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Any(fields => fields.Length > 4 && Unescape(fields[4]) == full);
    }

    // mountinfo escapes space, tab, newline and backslash as octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");

    private async Task MakeDirectoriesAsync(VolumeRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Store.DirectoryOf(record.Name), UnixFileMode.UserRead
            | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = Store.MountPointOf(record.Name);
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        var uid = Option(record, "uid", "UID");
        var gid = Option(record, "gid", "GID");
        if (uid is not null || gid is not null)
        {
            await VolumeCommands.ChownAsync(data, $"{uid ?? "0"}:{gid ?? "0"}", cancellationToken);
        }
    }

    private static string? Option(VolumeRecord record, string lower, string upper) =>
        record.Options.TryGetValue(lower, out var value) || record.Options.TryGetValue(upper, out value)
            ? value
            : null;

    private static void CheckDriver(string? driver)
    {
        if (driver is not (null or "" or "local"))
        {
            throw new InvalidInputException(
                $"volume driver \"{driver}\" is not supported: modpod has only the local driver");
        }
    }

    private static Dictionary<string, string> ParseOptions(IReadOnlyList<string> options)
    {
        var parsed = Pairs(options);
        foreach (var key in parsed.Keys.Where(key => !LocalOptions.Contains(key)))
        {
            throw new InvalidInputException($"invalid mount option {key} for driver 'local': invalid argument");
        }

        // Limitation: size and inodes need XFS project quotas, which this store does not set up.
        if (parsed.ContainsKey("size") || parsed.ContainsKey("inodes"))
        {
            throw new CapabilityMissingException(
                "volume options size and inodes are not supported: project quotas are not available");
        }

        // Podman checks a bind volume's device when the volume is made, not at first mount.
        if (parsed.TryGetValue("type", out var bindType) && bindType == "bind"
            && parsed.TryGetValue("device", out var device) && !Path.Exists(device))
        {
            throw new InvalidInputException(
                $"invalid volume option device for driver 'local': faccessat {device}: no such file or directory");
        }

        if (parsed.TryGetValue("type", out var type) && type == "tmpfs" && !parsed.ContainsKey("device"))
        {
            parsed["device"] = "tmpfs";
        }

        return parsed;
    }

    private static Dictionary<string, string> Pairs(IReadOnlyList<string> values)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            pairs[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }

        return pairs;
    }
}
