using System.Globalization;
using System.Text;
using Modular.Engine.Health;

namespace Modular.Cli.Output;

/// <summary>
/// <c>pod top</c>'s default table (USER PID PPID %CPU ELAPSED TTY TIME COMMAND), read from
/// /proc: a container's processes are those in its main process's PID namespace, shown
/// with their PIDs inside it and users named from the container's own /etc/passwd.
/// </summary>
public static class PodProcessTable
{
    private const double TicksPerSecond = 100;

    public static string Render(IEnumerable<int> mainPids, DateTimeOffset now)
    {
        var sb = new StringBuilder("USER\tPID\tPPID\t%CPU\tELAPSED\tTTY\tTIME\tCOMMAND\n");
        var boot = BootTime();
        foreach (var main in mainPids)
        {
            var ns = NamespaceOf(main);
            if (ns is null)
            {
                continue;
            }

            var members = Directory.EnumerateDirectories("/proc")
                .Select(Path.GetFileName)
                .Select(name => int.TryParse(name, out var pid) ? pid : 0)
                .Where(pid => pid > 0 && NamespaceOf(pid) == ns)
                .OrderBy(pid => pid)
                .ToList();
            var inner = members.ToDictionary(pid => pid, InnerPid);
            foreach (var pid in members)
            {
                sb.Append(Row(pid, inner, boot, now));
            }
        }

        return TabWriter.Align(sb.ToString());
    }

    private static string Row(int pid, Dictionary<int, int> inner, DateTimeOffset boot, DateTimeOffset now)
    {
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var hostParent = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var cpu = TimeSpan.FromSeconds(
            (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
            / TicksPerSecond);
        var started = boot + TimeSpan.FromSeconds(long.Parse(fields[19], CultureInfo.InvariantCulture) / TicksPerSecond);
        var elapsed = now - started;
        var percent = elapsed.TotalSeconds > 0 ? cpu.TotalSeconds / elapsed.TotalSeconds * 100 : 0;
        var command = Read($"/proc/{pid}/cmdline").Replace('\0', ' ');
        return string.Join('\t',
            User(pid),
            inner[pid].ToString(CultureInfo.InvariantCulture),
            (inner.TryGetValue(hostParent, out var parent) ? parent : 0).ToString(CultureInfo.InvariantCulture),
            percent.ToString("0.000", CultureInfo.InvariantCulture),
            GoDuration.Format(elapsed),
            "?",
            GoDuration.Format(TimeSpan.FromSeconds(Math.Floor(cpu.TotalSeconds))),
            command) + "\n";
    }

    private static string? NamespaceOf(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget;
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

    // The last NSpid value is the pid in the innermost namespace, the container's.
    private static int InnerPid(int pid)
    {
        var line = StatusLine(pid, "NSpid:") ?? pid.ToString(CultureInfo.InvariantCulture);
        return int.Parse(line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
    }

    private static string User(int pid)
    {
        var uid = (StatusLine(pid, "Uid:") ?? "0").Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var passwd = Read($"/proc/{pid}/root/etc/passwd");
        var entry = passwd.Split('\n').Select(line => line.Split(':'))
            .FirstOrDefault(parts => parts.Length > 2 && parts[2] == uid);
        return entry?[0] ?? uid;
    }

    private static string? StatusLine(int pid, string key) =>
        Read($"/proc/{pid}/status").Split('\n')
            .FirstOrDefault(line => line.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();

    private static DateTimeOffset BootTime()
    {
        var line = Read("/proc/stat").Split('\n').FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        return DateTimeOffset.FromUnixTimeSeconds(line is null ? 0 : long.Parse(line[6..], CultureInfo.InvariantCulture));
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
