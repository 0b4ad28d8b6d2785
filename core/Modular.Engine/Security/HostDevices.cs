using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Host device nodes for --device and --privileged: parsed from HOST[:CONTAINER][:PERMS]
/// and read with stat(2), since .NET exposes neither a node's type nor its rdev.
/// </summary>
public static partial class HostDevices
{
    private const uint TypeMask = 0xF000;
    private const uint CharDevice = 0x2000;
    private const uint BlockDevice = 0x6000;

    // /dev entries that are mounts of their own in a container or not devices to share.
    private static readonly string[] SkippedUnderDev = ["/dev/pts", "/dev/shm", "/dev/mqueue", "/dev/.udev"];

    /// <summary>Parses one --device value; a directory gives every device under it.</summary>
    public static IReadOnlyList<DeviceMapping> Parse(string value)
    {
        var (host, container, perms) = Split(value);
        if (Directory.Exists(host))
        {
            return Walk(host)
                .Select(path => Read(path, container + path[host.TrimEnd('/').Length..], perms))
                .OfType<DeviceMapping>()
                .ToList();
        }

        return [Read(host, container, perms)
            ?? throw new InvalidInputException(File.Exists(host)
                ? $"{host} is not a valid device: not a device node"
                : $"stat {host}: no such file or directory")];
    }

    // Podman's rules: a second field is either permissions or an absolute container path,
    // a third is permissions; the container path defaults to the host path unchecked, so a
    // relative host path fails on stat, not as a bad mode.
    private static (string Host, string Container, string Perms) Split(string value)
    {
        var parts = value.Split(':');
        if (parts.Length > 3)
        {
            throw new InvalidInputException($"invalid device specification: {value}");
        }

        var perms = "rwm";
        var container = "";
        if (parts.Length == 3)
        {
            perms = IsPermissions(parts[2]) ? parts[2] : throw BadMode(parts[2]);
        }

        if (parts.Length >= 2 && IsPermissions(parts[1]))
        {
            perms = parts[1];
        }
        else if (parts.Length >= 2)
        {
            container = parts[1].Length == 0 || parts[1].StartsWith('/') ? parts[1] : throw BadMode(parts[1]);
        }

        return (parts[0], container.Length == 0 ? parts[0] : container, perms);
    }

    private static InvalidInputException BadMode(string mode) => new($"invalid device mode: {mode}");

    /// <summary>Every device node under /dev, for --privileged.</summary>
    public static IReadOnlyList<DeviceMapping> All(bool withoutVirtualTerminals = false) =>
        Walk("/dev")
            .Where(path => !withoutVirtualTerminals || !IsVirtualTerminal(path))
            .Select(path => Read(path, path, "rwm")).OfType<DeviceMapping>().ToList();

    // /dev/tty0../dev/tty63: a systemd container would take over the host's consoles.
    private static bool IsVirtualTerminal(string path) =>
        path.StartsWith("/dev/tty", StringComparison.Ordinal) && path.Length > 8 && char.IsAsciiDigit(path[8]);

    private static bool IsPermissions(string value) =>
        value.Length is > 0 and <= 3 && value.All(c => c is 'r' or 'w' or 'm');

    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 };
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", options))
        {
            if (SkippedUnderDev.Contains(entry))
            {
                continue;
            }

            var info = new FileInfo(entry);
            if (info.LinkTarget is not null)
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                foreach (var inner in Walk(entry))
                {
                    yield return inner;
                }

                continue;
            }

            yield return entry;
        }
    }

    private static unsafe DeviceMapping? Read(string hostPath, string containerPath, string perms)
    {
        var buffer = stackalloc byte[256];
        if (stat(hostPath, buffer) != 0)
        {
            return null;
        }

        // struct stat on x86_64 and aarch64 glibc: st_mode at 24 (16 on aarch64), st_rdev at 40 (32).
        var (modeAt, uidAt, rdevAt) = RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? (24, 28, 40) : (16, 24, 32);
        var mode = *(uint*)(buffer + modeAt);
        var type = (mode & TypeMask) switch { CharDevice => 'c', BlockDevice => 'b', _ => '\0' };
        if (type == '\0')
        {
            return null;
        }

        var rdev = *(ulong*)(buffer + rdevAt);
        return new DeviceMapping(hostPath, containerPath, perms, type, Major(rdev), Minor(rdev),
            mode & 0xFFF, *(uint*)(buffer + uidAt), *(uint*)(buffer + uidAt + 4));
    }

    // glibc's gnu_dev_major and gnu_dev_minor encodings.
    private static long Major(ulong dev) => (long)(((dev >> 8) & 0xfff) | ((dev >> 32) & 0xfffff000));

    private static long Minor(ulong dev) => (long)((dev & 0xff) | ((dev >> 12) & 0xffffff00));

    [LibraryImport(
        "libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int stat(string path, byte* buffer);
}
