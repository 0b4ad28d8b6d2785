using System.Globalization;

namespace Modular.Engine.Containers.Top;

/// <summary>What the descriptors need besides one process: names, the pid map, the clock.</summary>
public sealed class ProcessContext
{
    // USER_HZ: what /proc reports times in; 100 on every Linux architecture Modular runs on.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<int, int> _containerPids;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly IReadOnlyDictionary<string, string> _groups;
    private readonly IReadOnlyDictionary<string, string> _hostUsers;
    private readonly IReadOnlyDictionary<string, string> _hostGroups;
    private readonly DateTimeOffset _bootTime;
    private readonly long _nowNanoseconds;

    public ProcessContext(IReadOnlyList<ProcessSample> processes, string? rootfs, DateTimeOffset now)
    {
        _containerPids = processes.ToDictionary(p => p.HostPid, p => p.Pid);
        _users = NameFile.Read(rootfs, "etc/passwd");
        _groups = NameFile.Read(rootfs, "etc/group");
        _hostUsers = NameFile.Read("/", "etc/passwd");
        _hostGroups = NameFile.Read("/", "etc/group");
        _bootTime = BootTime();
        Now = now;
        _nowNanoseconds = RealtimeClock.UnixNanoseconds();
    }

    public DateTimeOffset Now { get; }

    /// <summary>The parent's pid inside the container; 0 when the parent is outside it.</summary>
    public int ContainerPid(int hostPid) => _containerPids.GetValueOrDefault(hostPid);

    public string User(string uid) => _users.GetValueOrDefault(uid, uid);

    public string Group(string gid) => _groups.GetValueOrDefault(gid, gid);

    public string HostUser(string uid) => _hostUsers.GetValueOrDefault(uid, uid);

    public string HostGroup(string gid) => _hostGroups.GetValueOrDefault(gid, gid);

    /// <summary>When the process started, in local time.</summary>
    public DateTimeOffset Started(ProcessSample process) =>
        _bootTime.AddSeconds(process.StartTicks / TicksPerSecond).ToLocalTime();

    public TimeSpan Elapsed(ProcessSample process) =>
        Now - _bootTime.AddSeconds(process.StartTicks / TicksPerSecond);

    /// <summary>Time since the process started, in nanoseconds as Go's time.Since measures it.</summary>
    public long ElapsedNanoseconds(ProcessSample process) =>
        _nowNanoseconds - (_bootTime.ToUnixTimeSeconds() * 1_000_000_000)
        - (long)(process.StartTicks * (1_000_000_000 / TicksPerSecond));

    /// <summary>CPU time in whole seconds, as psgo counts it.</summary>
    public static TimeSpan CpuTime(ProcessSample process) =>
        TimeSpan.FromSeconds(Math.Floor(process.CpuTicks / TicksPerSecond));

    public static double CpuSeconds(ProcessSample process) => process.CpuTicks / TicksPerSecond;

    private static DateTimeOffset BootTime()
    {
        var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal));
        var seconds = long.Parse(line[6..].Trim(), CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
