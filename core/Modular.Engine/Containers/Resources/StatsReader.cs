using System.Globalization;
using Modular.Engine.State;

namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Reads one stats sample of a container from its cgroup files (v1 or v2) and its network
/// namespace (/proc/PID/net/dev). A container that is not running reads as all zeros; a
/// paused one keeps its cgroup and processes (frozen), so it reads its real usage.
/// </summary>
public static class StatsReader
{
    public static ContainerStatsSample Read(ContainerRecord record) =>
        Read(record, CgroupLayout.Host);

    public static ContainerStatsSample Read(ContainerRecord record, CgroupLayout layout)
    {
        var now = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
        var started = record.State.StartedAt is { } start ? (ulong)(start.ToUnixTimeMilliseconds() * 1_000_000) : 0;
        var empty = new ContainerStatsSample(
            record.Config.Id, record.Config.Name, 0, now, started, 0, 0, 0, 0, 0, 0, 0);
        var pid = record.State.Pid;
        // A frozen container keeps its cgroup and Podman reads it; only stopped ones read zero.
        if (record.State.Status is not (ContainerStatus.Running or ContainerStatus.Paused) || pid <= 0)
        {
            return empty;
        }

        var (netIn, netOut) = NetworkBytes(pid);
        var (blockIn, blockOut) = layout.IsUnified ? UnifiedBlockIo(layout, pid) : LegacyBlockIo(layout, pid);
        var (memory, limit) = Memory(layout, pid);
        return empty with
        {
            CpuNanos = CpuNanos(layout, pid),
            CpuSystemNanos = CpuSystemNanos(layout, pid),
            MemoryUsage = memory,
            MemoryLimit = limit,
            NetInput = netIn,
            NetOutput = netOut,
            BlockInput = blockIn,
            BlockOutput = blockOut,
            Pids = CgroupFiles.ReadNumber(layout.DirectoryOf(pid, "pids"), "pids.current"),
        };
    }

    private static ulong CpuNanos(CgroupLayout layout, int pid)
    {
        if (!layout.IsUnified)
        {
            return CgroupFiles.ReadNumber(layout.DirectoryOf(pid, "cpuacct"), "cpuacct.usage");
        }

        // cpu.stat counts microseconds on v2.
        var stat = CgroupFiles.ReadKeyed(layout.DirectoryOf(pid, "cpu"), "cpu.stat");
        return stat.GetValueOrDefault("usage_usec") * 1000;
    }

    // cpuacct.usage_sys on v1 (nanoseconds), system_usec of cpu.stat on v2.
    private static ulong CpuSystemNanos(CgroupLayout layout, int pid) =>
        layout.IsUnified
            ? CgroupFiles.ReadKeyed(layout.DirectoryOf(pid, "cpu"), "cpu.stat").GetValueOrDefault("system_usec") * 1000
            : CgroupFiles.ReadNumber(layout.DirectoryOf(pid, "cpuacct"), "cpuacct.usage_sys");

    // Podman leaves the inactive page cache out of usage, as the kernel could drop it.
    private static (ulong Usage, ulong Limit) Memory(CgroupLayout layout, int pid)
    {
        var directory = layout.DirectoryOf(pid, "memory");
        var (usageFile, limitFile, inactiveKey) = layout.IsUnified
            ? ("memory.current", "memory.max", "inactive_file")
            : ("memory.usage_in_bytes", "memory.limit_in_bytes", "total_inactive_file");
        var usage = CgroupFiles.ReadNumber(directory, usageFile);
        var inactive = CgroupFiles.ReadKeyed(directory, "memory.stat").GetValueOrDefault(inactiveKey);
        var limit = CgroupFiles.ReadNumber(directory, limitFile);
        var host = HostMemory();
        return (usage - Math.Min(usage, inactive), limit == 0 || limit > host ? host : limit);
    }

    private static (ulong Read, ulong Write) LegacyBlockIo(CgroupLayout layout, int pid)
    {
        ulong read = 0, write = 0;
        foreach (var line in CgroupFiles.ReadLines(layout.DirectoryOf(pid, "blkio"), "blkio.throttle.io_service_bytes"))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && ulong.TryParse(parts[2], out var bytes))
            {
                read += parts[1] == "Read" ? bytes : 0;
                write += parts[1] == "Write" ? bytes : 0;
            }
        }

        return (read, write);
    }

    private static (ulong Read, ulong Write) UnifiedBlockIo(CgroupLayout layout, int pid)
    {
        ulong read = 0, write = 0;
        foreach (var line in CgroupFiles.ReadLines(layout.DirectoryOf(pid, "io"), "io.stat"))
        {
            foreach (var pair in line.Split(' ').Select(field => field.Split('=')).Where(p => p.Length == 2))
            {
                _ = ulong.TryParse(pair[1], out var bytes);
                read += pair[0] == "rbytes" ? bytes : 0;
                write += pair[0] == "wbytes" ? bytes : 0;
            }
        }

        return (read, write);
    }

    // Every interface but loopback, as Podman sums them.
    private static (ulong Received, ulong Sent) NetworkBytes(int pid)
    {
        ulong received = 0, sent = 0;
        foreach (var line in CgroupFiles.ReadLines($"/proc/{pid}/net", "dev").Skip(2))
        {
            var parts = line.Split(':', 2);
            if (parts.Length != 2 || parts[0].Trim() == "lo")
            {
                continue;
            }

            var numbers = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            received += numbers.Length > 8 ? ulong.Parse(numbers[0], CultureInfo.InvariantCulture) : 0;
            sent += numbers.Length > 8 ? ulong.Parse(numbers[8], CultureInfo.InvariantCulture) : 0;
        }

        return (received, sent);
    }

    private static ulong HostMemory() =>
        (ulong)Math.Max(0, Info.HostFacts.Memory("MemTotal"));
}
