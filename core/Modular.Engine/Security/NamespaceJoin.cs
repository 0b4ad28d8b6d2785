namespace Modular.Engine.Security;

/// <summary>
/// How a container enters a namespace it does not own: the OCI spec names the namespace
/// by a path, and another container's is reached through its main process. Shared by the
/// --ipc/--pid/--uts/--cgroupns container: modes and by pods joining their infra container.
/// </summary>
public static class NamespaceJoin
{
    /// <summary>
    /// The /proc entry of <paramref name="specType"/> (OCI name: ipc, pid, uts, network,
    /// mount, cgroup, user) of the process <paramref name="pid"/>.
    /// </summary>
    public static string PathOf(int pid, string specType) =>
        $"/proc/{pid}/ns/{ProcName(specType)}";

    /// <summary>
    /// Whether <paramref name="pid"/>'s namespaces can still be joined. A container record
    /// may say running while its short-lived process has already exited (a `true` started
    /// a moment ago); a zombie's ns links no longer resolve, and then the runtime would fail.
    /// </summary>
    public static bool IsJoinable(int pid)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{pid}/ns/pid", returnFinalTarget: false) is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sets the spec's namespace entry of <paramref name="specType"/>: removed for the
    /// host's, a new one for private modes, or one with a path to join.
    /// </summary>
    public static void Set(
        System.Text.Json.Nodes.JsonArray namespaces,
        string specType,
        string? path,
        bool host)
    {
        foreach (var entry in namespaces.Where(n => n?["type"]?.GetValue<string>() == specType).ToList())
        {
            namespaces.Remove(entry);
        }

        if (host)
        {
            return;
        }

        var added = new System.Text.Json.Nodes.JsonObject { ["type"] = specType };
        if (path is not null)
        {
            added["path"] = path;
        }

        namespaces.Add(added);
    }

    private static string ProcName(string specType) => specType switch
    {
        "network" => "net",
        "mount" => "mnt",
        _ => specType,
    };
}
