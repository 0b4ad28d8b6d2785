namespace Modular.Engine.Containers.Top;

/// <summary>
/// The table <c>top</c> and <c>pod top</c> print: one row per process of each given
/// container, its columns chosen by descriptors. Containers that share a pid namespace (pod
/// members with <c>--share pid</c>) are listed once, as psgo lists each namespace once.
/// </summary>
public static class ProcessTable
{
    /// <summary>A running container's main process on the host and its mounted rootfs.</summary>
    public sealed record Source(int HostPid, string? Rootfs);

    public static ContainerProcessTable Build(
        IEnumerable<Source> containers,
        IReadOnlyList<ProcessDescriptor> columns,
        DateTimeOffset now)
    {
        var rows = new List<IReadOnlyList<string>>();
        var seen = new HashSet<int>();
        foreach (var container in containers)
        {
            var processes = ProcessReader.InNamespaceOf(container.HostPid);
            if (processes.Count == 0 || !seen.Add(processes[0].HostPid))
            {
                continue;
            }

            var context = new ProcessContext(processes, container.Rootfs, now);
            rows.AddRange(processes.Select(
                p => (IReadOnlyList<string>)columns.Select(c => c.Value(p, context)).ToList()));
        }

        return new ContainerProcessTable(columns.Select(c => c.Header).ToList(), rows);
    }
}
