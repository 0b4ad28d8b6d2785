using System.Globalization;

namespace Modular.Engine.Containers.Top;

/// <summary>
/// Reads the processes that share a pid namespace with a given host pid, from the host's
/// /proc: the same view Podman's psgo gets by joining the container's mount namespace,
/// without entering any namespace.
/// </summary>
public static class ProcessReader
{
    private const string Proc = "/proc";

    public static IReadOnlyList<ProcessSample> InNamespaceOf(int hostPid)
    {
        var target = PidNamespace(hostPid)
            ?? throw new Contracts.Errors.WrongStateException("top can only be used on running containers");
        var samples = new List<ProcessSample>();
        foreach (var dir in Directory.EnumerateDirectories(Proc))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && PidNamespace(pid) == target
                && TryRead(pid) is { } sample)
            {
                samples.Add(sample);
            }
        }

        return samples.OrderBy(s => s.Pid).ToList();
    }

    private static string? PidNamespace(int pid)
    {
        try
        {
            return new FileInfo($"{Proc}/{pid}/ns/pid").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // A process may end between listing and reading: it is left out.
    private static ProcessSample? TryRead(int pid)
    {
        try
        {
            return Read(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"{Proc}/{pid}/stat");
        var close = stat.LastIndexOf(')');
        var comm = stat[(stat.IndexOf('(') + 1)..close];

        // Fields from the state on (field 3 of proc(5)) are at index field - 3.
        var fields = stat[(close + 2)..].Split(' ');
        var status = StatusFields(pid);
        var uids = status.GetValueOrDefault("Uid", "0 0").Split('\t', ' ');
        var gids = status.GetValueOrDefault("Gid", "0 0").Split('\t', ' ');
        var nspid = status.GetValueOrDefault("NSpid", pid.ToString(CultureInfo.InvariantCulture)).Split('\t', ' ');
        return new ProcessSample
        {
            HostPid = pid,
            HostParentPid = Number(fields[1]),
            HostGroupId = Number(fields[2]),
            Pid = Number(nspid[^1]),
            RealUid = uids[0],
            EffectiveUid = uids[1],
            RealGid = gids[0],
            EffectiveGid = gids[1],
            Comm = comm,
            // Split as psgo does, keeping the empty piece after the final NUL: Podman's
            // COMMAND cell ends with a space.
            Args = File.ReadAllText($"{Proc}/{pid}/cmdline").Split('\0'),
            State = fields[0],
            Nice = fields[16],
            TtyNumber = Long(fields[4]),
            CpuTicks = Long(fields[11]) + Long(fields[12]),
            StartTicks = Long(fields[19]),
            VirtualBytes = Long(fields[20]),
            ResidentPages = Long(fields[21]),
            Status = status,
            Label = ReadLabel(pid),
        };
    }

    // No LSM (as on this host) makes the read fail; psgo then shows "?".
    private static string? ReadLabel(int pid)
    {
        try
        {
            var label = File.ReadAllText($"{Proc}/{pid}/attr/current").TrimEnd('\0', '\n');
            return label.Length == 0 ? null : label;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> StatusFields(int pid) =>
        File.ReadAllLines($"{Proc}/{pid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
