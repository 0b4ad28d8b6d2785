namespace Modular.Engine.Containers.Resources;

/// <summary>
/// Whether the kernel's OOM killer ended a container. conmon writes an <c>oom</c> file in
/// its persist dir when it sees the event, but it can exit on the container's death before
/// it reads the event (seen with conmon 2.1.6 on cgroup v1), so the memory cgroup's own
/// oom_kill counter is read too, before the runtime deletes the cgroup.
/// </summary>
public static class OomEvidence
{
    public static bool Found(string conmonOomFile, string cgroupsPath) =>
        File.Exists(conmonOomFile) || CounterFired(cgroupsPath, CgroupLayout.Host);

    /// <summary>True when the cgroup at <paramref name="cgroupsPath"/> (cgroupfs form) counted an OOM kill.</summary>
    public static bool CounterFired(string cgroupsPath, CgroupLayout layout)
    {
        if (!cgroupsPath.StartsWith('/'))
        {
            return false;
        }

        var (directory, file) = layout.IsUnified
            ? ("/sys/fs/cgroup" + cgroupsPath, "memory.events")
            : (layout.MountOf("memory") is { } mount ? mount + cgroupsPath : null, "memory.oom_control");
        return CgroupFiles.ReadKeyed(directory, file).GetValueOrDefault("oom_kill") > 0;
    }
}
