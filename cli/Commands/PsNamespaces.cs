using Modular.Engine.Containers;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>ps --ns</c>: the inode numbers of a running container's namespaces, read from
/// /proc/PID/ns as Podman does; empty for a container that is not running.
/// </summary>
public sealed record PsNamespaces(
    string Cgroup,
    string Ipc,
    string Mnt,
    string Net,
    string Pidns,
    string User,
    string Uts)
{
    private static readonly PsNamespaces None = new("", "", "", "", "", "", "");

    public static PsNamespaces Of(ContainerInfo container)
    {
        if (container.State != "running" || container.Pid is not > 0)
        {
            return None;
        }

        var pid = container.Pid.Value;
        return new PsNamespaces(
            Inode(pid, "cgroup"),
            Inode(pid, "ipc"),
            Inode(pid, "mnt"),
            Inode(pid, "net"),
            Inode(pid, "pid"),
            Inode(pid, "user"),
            Inode(pid, "uts"));
    }

    // The link reads "net:[4026531840]"; Podman shows the number between the brackets.
    private static string Inode(int pid, string kind)
    {
        try
        {
            var target = new FileInfo($"/proc/{pid}/ns/{kind}").LinkTarget ?? "";
            var open = target.IndexOf('[', StringComparison.Ordinal);
            var close = target.IndexOf(']', StringComparison.Ordinal);
            return open >= 0 && close > open ? target[(open + 1)..close] : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
