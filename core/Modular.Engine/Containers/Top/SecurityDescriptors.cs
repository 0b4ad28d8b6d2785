using System.Globalization;
using Modular.Engine.Spec;

namespace Modular.Engine.Containers.Top;

/// <summary>
/// psgo's capability, seccomp, label, host-group and start-time columns. A capability set is
/// "full" when every capability the kernel knows is in it, "none" when empty, and otherwise
/// the names without CAP_, sorted and joined by commas.
/// </summary>
internal static class SecurityDescriptors
{
    public static readonly ProcessDescriptor[] All =
    [
        new("capamb", null, "AMBIENT CAPS", (p, _) => Capabilities(p, "CapAmb")),
        new("capinh", null, "INHERITED CAPS", (p, _) => Capabilities(p, "CapInh")),
        new("capprm", null, "PERMITTED CAPS", (p, _) => Capabilities(p, "CapPrm")),
        new("capeff", null, "EFFECTIVE CAPS", (p, _) => Capabilities(p, "CapEff")),
        new("capbnd", null, "BOUNDING CAPS", (p, _) => Capabilities(p, "CapBnd")),
        new("seccomp", null, "SECCOMP", (p, _) => Seccomp(p)),
        new("label", null, "LABEL", (p, _) => p.Label ?? "?"),
        new("hgroup", null, "HGROUP", (p, c) => c.HostGroup(p.EffectiveGid)),
        new("stime", null, "STIME", (p, c) => StartTime(c.Started(p))),
    ];

    private static readonly Lazy<int> LastCapability = new(ReadLastCapability);

    private static string Capabilities(ProcessSample process, string key)
    {
        if (!ulong.TryParse(process.Status.GetValueOrDefault(key, ""), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
        {
            return "?";
        }

        var full = LastCapability.Value >= 63 ? ulong.MaxValue : (1UL << (LastCapability.Value + 1)) - 1;
        if (mask == full)
        {
            return "full";
        }

        var names = LinuxCapabilities.All
            .Where((_, bit) => (mask & (1UL << bit)) != 0)
            .Select(name => name["CAP_".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? "none" : string.Join(',', names);
    }

    private static string Seccomp(ProcessSample process) => process.Status.GetValueOrDefault("Seccomp") switch
    {
        "0" => "disabled",
        "1" => "strict",
        "2" => "filter",
        _ => "?",
    };

    // Go's time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST", zone by abbreviation
    // where .NET has none, so the offset stands in for it as Go prints unnamed zones.
    private static string StartTime(DateTimeOffset started)
    {
        var fraction = started.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        var offset = started.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        var seconds = started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var zone = started.Offset == TimeSpan.Zero ? "UTC" : offset;
        return $"{seconds}{(fraction.Length > 0 ? "." + fraction : "")} {offset} {zone}";
    }

    private static int ReadLastCapability()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return LinuxCapabilities.All.Count - 1;
        }
    }
}
