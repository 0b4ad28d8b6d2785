using System.Globalization;
using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Engine.Spec;

/// <summary>
/// The rlimits a container gets: containers.conf default_ulimits, else Podman's defaults,
/// each clamped to this process's hard limit. Raising a limit above the caller's hard limit
/// needs CAP_SYS_RESOURCE, which root lacks on some hosts; the runtime would fail with EPERM.
/// </summary>
public static partial class ResourceLimits
{
    private static readonly Dictionary<string, (string Type, int Resource)> Known = new()
    {
        ["core"] = ("RLIMIT_CORE", 4),
        ["cpu"] = ("RLIMIT_CPU", 0),
        ["data"] = ("RLIMIT_DATA", 2),
        ["fsize"] = ("RLIMIT_FSIZE", 1),
        ["locks"] = ("RLIMIT_LOCKS", 10),
        ["memlock"] = ("RLIMIT_MEMLOCK", 8),
        ["msgqueue"] = ("RLIMIT_MSGQUEUE", 12),
        ["nice"] = ("RLIMIT_NICE", 13),
        ["nofile"] = ("RLIMIT_NOFILE", 7),
        ["nproc"] = ("RLIMIT_NPROC", 6),
        ["rss"] = ("RLIMIT_RSS", 5),
        ["rtprio"] = ("RLIMIT_RTPRIO", 14),
        ["sigpending"] = ("RLIMIT_SIGPENDING", 11),
        ["stack"] = ("RLIMIT_STACK", 3),
    };

    /// <summary>The (type, soft, hard) triples for the spec.</summary>
    public static IReadOnlyList<(string Type, ulong Soft, ulong Hard)> Build(IReadOnlyList<string> ulimits)
    {
        // The ones asked for first, in their order, then (as Podman adds them after the
        // user's) its defaults for root: nofile and nproc at the kernel's usual maxima.
        var wanted = new Dictionary<string, (ulong Soft, ulong Hard)>();
        foreach (var ulimit in ulimits)
        {
            var (name, soft, hard) = Parse(ulimit);
            wanted[name] = (soft, hard);
        }

        wanted.TryAdd("nofile", (1048576, 1048576));
        wanted.TryAdd("nproc", (4194304, 4194304));

        return wanted.Select(pair => Clamp(pair.Key, pair.Value.Soft, pair.Value.Hard)).ToList();
    }

    /// <summary>
    /// The values among <paramref name="ulimits"/> (as the user typed them) that the clamp
    /// lowers, each with the NAME=SOFT:HARD actually applied.
    /// </summary>
    public static IReadOnlyList<(string Requested, string Applied)> Lowered(IReadOnlyList<string> ulimits)
    {
        var lowered = new List<(string, string)>();
        foreach (var ulimit in ulimits.Where(u => u != "host"))
        {
            var (name, soft, hard) = Parse(ulimit);
            var (_, appliedSoft, appliedHard) = Clamp(name, soft, hard);
            if (appliedSoft != soft || appliedHard != hard)
            {
                lowered.Add((ulimit, $"{name}={Text(appliedSoft)}:{Text(appliedHard)}"));
            }
        }

        return lowered;
    }

    private static (string Type, ulong Soft, ulong Hard) Clamp(string name, ulong soft, ulong hard)
    {
        var (type, resource) = Known[name];
        var held = HardLimit(resource);
        var clampedHard = Math.Min(hard, held);
        return (type, Math.Min(soft, clampedHard), clampedHard);
    }

    private static (string Name, ulong Soft, ulong Hard) Parse(string ulimit)
    {
        var parts = ulimit.Split('=', 2);
        if (parts.Length != 2 || !Known.ContainsKey(parts[0]))
        {
            throw new InvalidInputException($"invalid ulimit \"{ulimit}\"");
        }

        var values = parts[1].Split(':', 2);
        var soft = ParseValue(values[0], ulimit);
        var hard = values.Length == 2 ? ParseValue(values[1], ulimit) : soft;
        return soft <= hard ? (parts[0], soft, hard)
            : throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"ulimit option \"{ulimit}\" requires name=SOFT:HARD, failed to be parsed: "
                + $"ulimit soft limit must be less than or equal to hard limit: {Comparison(soft, hard)}"));
    }

    /// <summary>
    /// <c>--ulimit host</c>: this process's own soft and hard limits for every resource,
    /// as NAME=SOFT:HARD values (-1 for unlimited).
    /// </summary>
    public static IReadOnlyList<string> HostLimits() => Known
        .Select(pair => (pair.Key, Limits: CurrentLimits(pair.Value.Resource)))
        .Select(entry => string.Create(CultureInfo.InvariantCulture,
            $"{entry.Key}={Text(entry.Limits.Soft)}:{Text(entry.Limits.Hard)}"))
        .ToList();

    // go-units' wording names an unlimited soft limit: "soft: -1 (unlimited), hard: 1000".
    private static string Comparison(ulong soft, ulong hard) =>
        soft == ulong.MaxValue ? $"soft: -1 (unlimited), hard: {Text(hard)}" : $"{Text(soft)} > {Text(hard)}";

    private static string Text(ulong value) =>
        value == ulong.MaxValue ? "-1" : value.ToString(CultureInfo.InvariantCulture);

    private static unsafe (ulong Soft, ulong Hard) CurrentLimits(int resource)
    {
        var limits = stackalloc ulong[2];
        return getrlimit(resource, limits) == 0 ? (limits[0], limits[1]) : (ulong.MaxValue, ulong.MaxValue);
    }

    private static ulong ParseValue(string value, string ulimit) =>
        value == "-1" ? ulong.MaxValue
        : ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new InvalidInputException($"invalid ulimit \"{ulimit}\"");

    private static unsafe ulong HardLimit(int resource)
    {
        var limits = stackalloc ulong[2];
        return getrlimit(resource, limits) == 0 ? limits[1] : ulong.MaxValue;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int getrlimit(int resource, ulong* limits);
}
