using System.Globalization;
using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// Linux capability names (capability.h order, so an index is the bit in CapEff) and
/// Podman's rules for merging the default set with --cap-add and --cap-drop.
/// </summary>
public static class Capabilities
{
    public const string All = "ALL";

    private static readonly string[] ByBit =
    [
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID",
        "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST",
        "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO",
        "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
        "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
        "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE",
    ];

    /// <summary>Every capability this table knows, as CAP_ names.</summary>
    public static IReadOnlyList<string> Known { get; } = ByBit.Select(name => "CAP_" + name).ToArray();

    /// <summary>
    /// The bounding set of this process (/proc/self/status CapBnd). A container can hold no
    /// capability its creator lacks: root without CAP_SYS_RESOURCE cannot grant it.
    /// </summary>
    public static IReadOnlyList<string> CallerBounding()
    {
        var line = File.ReadLines("/proc/self/status")
            .FirstOrDefault(text => text.StartsWith("CapBnd:", StringComparison.Ordinal));
        if (line is null)
        {
            return Known;
        }

        var mask = ulong.Parse(
            line["CapBnd:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Known.Where((_, bit) => (mask & (1UL << bit)) != 0).ToArray();
    }

    /// <summary>CAP_NAME in upper case, or ALL; Podman's error for a name it does not know.</summary>
    public static string Normalize(string capability)
    {
        var upper = capability.Trim().ToUpperInvariant();
        if (upper == All)
        {
            return All;
        }

        var name = upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
        return Known.Contains(name)
            ? name
            : throw new InvalidInputException($"{Quote(name)}: unknown capability");
    }

    /// <summary>
    /// Podman's merge: ALL in --cap-drop keeps only what is added; ALL in --cap-add starts
    /// from every capability the caller holds; otherwise defaults plus adds minus drops.
    /// </summary>
    public static IReadOnlyList<string> Merge(
        IEnumerable<string> defaults,
        IReadOnlyList<string> add,
        IReadOnlyList<string> drop)
    {
        var held = CallerBounding();
        if (add.Contains(All) && drop.Contains(All))
        {
            throw new InvalidInputException("adding all caps and removing all caps not allowed");
        }

        IEnumerable<string> start = add.Contains(All) ? held
            : drop.Contains(All) ? []
            : defaults.Select(Normalize);
        return start.Concat(add.Where(cap => cap != All))
            .Where(cap => !drop.Contains(cap))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
