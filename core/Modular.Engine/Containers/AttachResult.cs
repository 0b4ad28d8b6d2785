namespace Modular.Engine.Containers;

/// <summary>How an attach ended: the client detached, or the process exited with a code.</summary>
/// <param name="SessionId">For a detached exec, the exec session's id, which Podman prints.</param>
public sealed record AttachResult(bool Detached, int ExitCode, string? SessionId = null)
{
    public static readonly AttachResult Detach = new(true, 0);
}
