namespace Modular.EndToEnd.Fixtures;

/// <summary>
/// Reads the host's view of containers: mount table, processes, cgroup tree, runtime
/// state directories. Used to prove that `rm` leaves nothing that names a container.
/// </summary>
public static class HostTraces
{
    private static readonly string[] RuntimeStateDirs = ["/run/crun", "/run/runc"];

    public static IReadOnlyList<string> MountPoints() =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4)
            .Select(fields => Unescape(fields[4]))
            .ToList();

    public static IReadOnlyList<(int Pid, string Command, string[] Argv)> ProcessesWithArgument(string text)
    {
        var found = new List<(int, string, string[])>();
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            var argv = ReadArgv(pid);
            if (argv.Any(a => a.Contains(text, StringComparison.Ordinal)))
            {
                found.Add((pid, Path.GetFileName(argv[0]), argv));
            }
        }

        return found;
    }

    /// <summary>The command name (comm) of a process's parent, read from /proc/PID/stat.</summary>
    public static string ParentCommand(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // comm may hold spaces and parentheses; fields after the last ')' are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadAllText($"/proc/{parent}/comm").Trim();
    }

    /// <summary>Everything on the host outside a process's reach that still names the id.</summary>
    public static IReadOnlyList<string> Find(string id, params string[] storeDirs)
    {
        var traces = new List<string>();
        traces.AddRange(File.ReadAllLines("/proc/self/mountinfo")
            .Where(l => l.Contains(id, StringComparison.Ordinal))
            .Select(l => "mountinfo: " + l));
        foreach (var root in storeDirs.Concat(RuntimeStateDirs).Concat(CgroupRoots()))
        {
            traces.AddRange(NamesUnder(root, id));
        }

        traces.AddRange(ProcessesWithArgument(id)
            .Where(p => p.Command == "conmon")
            .Select(p => $"conmon pid {p.Pid} argv names the id"));
        return traces;
    }

    public static void KillByPid(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited between lookup and kill.
        }
    }

    private static IEnumerable<string> CgroupRoots() =>
        System.IO.Directory.Exists("/sys/fs/cgroup")
            ? System.IO.Directory.EnumerateDirectories("/sys/fs/cgroup")
            : [];

    private static IEnumerable<string> NamesUnder(string root, string id)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        return System.IO.Directory.EnumerateFileSystemEntries(root, "*" + id + "*", options)
            .Select(p => "path: " + p)
            .ToList();
    }

    private static string[] ReadArgv(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline");
            return raw.Length == 0 ? [""] : raw.TrimEnd('\0').Split('\0');
        }
        catch (IOException)
        {
            return [""];
        }
        catch (UnauthorizedAccessException)
        {
            return [""];
        }
    }

    // mountinfo escapes space, tab, newline and backslash as octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");
}
