using System.Globalization;
using Modular.Engine.Health;

namespace Modular.Engine.Containers.Top;

/// <summary>
/// The format descriptors Modular knows, with psgo's names and headers; Podman's default
/// is <c>user pid ppid pcpu etime tty time args</c>. A name not here makes <c>top</c>
/// fall back to ps(1) in the container, as Podman does.
/// </summary>
public static class ProcessDescriptors
{
    public static readonly IReadOnlyList<string> Default =
        ["user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args"];

    private static readonly ProcessDescriptor[] All =
    [
        new("pcpu", "%C", "%CPU", (p, c) => Percent(p, c)),
        new("group", "%G", "GROUP", (p, c) => c.Group(p.EffectiveGid)),
        new("ppid", "%P", "PPID", (p, c) => Text(c.ContainerPid(p.HostParentPid))),
        new("user", "%U", "USER", (p, c) => c.User(p.EffectiveUid)),
        new("uid", null, "UID", (p, _) => p.EffectiveUid),
        new("args", "%a", "COMMAND", (p, _) => p.Args[0].Length == 0 ? $"[{p.Comm}]" : string.Join(' ', p.Args)),
        new("comm", "%c", "COMMAND", (p, _) => p.Comm),
        new("rgroup", "%g", "RGROUP", (p, c) => c.Group(p.RealGid)),
        new("nice", "%n", "NI", (p, _) => p.Nice),
        new("pid", "%p", "PID", (p, _) => Text(p.Pid)),
        new("pgid", "%r", "PGID", (p, c) => Text(c.ContainerPid(p.HostGroupId))),
        new("etime", "%t", "ELAPSED", (p, c) => GoDuration.FormatNanoseconds(c.ElapsedNanoseconds(p))),
        new("ruser", "%u", "RUSER", (p, c) => c.User(p.RealUid)),
        new("time", "%x", "TIME", (p, _) => GoDuration.Format(ProcessContext.CpuTime(p))),
        new("tty", "%y", "TTY", (p, _) => Terminal(p.TtyNumber)),
        new("vsz", "%z", "VSZ", (p, _) => Text(p.VirtualBytes / 1024)),
        new("hpid", null, "HPID", (p, _) => Text(p.HostPid)),
        new("huser", null, "HUSER", (p, c) => c.HostUser(p.EffectiveUid)),
        new("huid", null, "HUID", (p, _) => p.EffectiveUid),
        new("rss", null, "RSS", (p, _) => Text(p.ResidentPages * Environment.SystemPageSize / 1024)),
        new("state", null, "STATE", (p, _) => p.State),
        .. SecurityDescriptors.All,
    ];

    /// <summary>The descriptors' normal names, sorted, for <c>top --list-descriptors</c>.</summary>
    public static IEnumerable<string> Names => All.Select(d => d.Normal).Order(StringComparer.Ordinal);

    /// <summary>Resolves every name, or returns null when one is unknown.</summary>
    public static IReadOnlyList<ProcessDescriptor>? TryResolve(IReadOnlyList<string> names)
    {
        var resolved = new List<ProcessDescriptor>();
        foreach (var name in names.Count == 0 ? Default : names)
        {
            var descriptor = Array.Find(All, d => d.Normal == name || d.Code == name);
            if (descriptor is null)
            {
                return null;
            }

            resolved.Add(descriptor);
        }

        return resolved;
    }

    private static string Percent(ProcessSample process, ProcessContext context)
    {
        var elapsed = context.Elapsed(process).TotalSeconds;
        var percent = elapsed > 0 ? 100 * ProcessContext.CpuSeconds(process) / elapsed : 0;
        return percent.ToString("F3", CultureInfo.InvariantCulture);
    }

    // Pseudo-terminals have majors 136 to 143; other terminals are not in a container.
    private static string Terminal(long number)
    {
        var major = (number >> 8) & 0xfff;
        var minor = (number & 0xff) | ((number >> 12) & 0xfff00);
        return major is >= 136 and <= 143 ? $"pts/{minor + ((major - 136) * 256)}" : "?";
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
