namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>Looks for anything on the host that still names a container id.</summary>
public static class Leftovers
{
    public static List<string> Find(ContainerHarness harness, string id)
    {
        var found = new List<string>();
        found.AddRange(File.ReadLines("/proc/self/mountinfo").Where(line => line.Contains(id)));
        foreach (var root in new[] { harness.Options.GraphRoot, harness.Options.RunRoot })
        {
            if (Directory.Exists(root))
            {
                found.AddRange(Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
                    .Where(path => path.Contains(id)));
            }
        }

        found.AddRange(Directory.GetDirectories("/sys/fs/cgroup")
            .Select(hierarchy => Path.Combine(hierarchy, "modular_parent", $"modular-{id}"))
            .Where(Directory.Exists));
        found.AddRange(ProcessesNaming(id));
        return found;
    }

    private static IEnumerable<string> ProcessesNaming(string id)
    {
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(id))
            {
                yield return $"{directory}: {commandLine}";
            }
        }
    }
}
