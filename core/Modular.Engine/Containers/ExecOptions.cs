namespace Modular.Engine.Containers;

/// <summary>What <c>exec</c> adds to the container's process defaults.</summary>
/// <param name="Env">NAME=VALUE entries added to the container's environment.</param>
/// <param name="WorkingDir">The directory to start in, or null for the container's.</param>
/// <param name="User">uid[:gid] for the runtime, or null for the container's user.</param>
/// <param name="Privileged">Every capability, as <c>exec --privileged</c> asks.</param>
/// <param name="Preserved"><c>--preserve-fds</c>/<c>--preserve-fd</c>: descriptors passed in.</param>
public sealed record ExecOptions(
    IReadOnlyList<string> Env,
    string? WorkingDir = null,
    string? User = null,
    bool Privileged = false,
    Conmon.FdPassthrough? Preserved = null)
{
    public static readonly ExecOptions Default = new([]);
}
