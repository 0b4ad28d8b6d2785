namespace Modular.Api.Libpod;

/// <summary>One exec session: what to run and, once run, how it ended.</summary>
public sealed record ExecSession(
    string Id,
    string ContainerId,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Env,
    string? WorkingDir,
    string? User,
    bool Tty,
    bool Privileged,
    bool AttachStdin,
    bool AttachStdout,
    bool AttachStderr,
    string DetachKeys,
    bool Running = false,
    int? ExitCode = null);
