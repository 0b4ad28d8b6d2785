namespace Modular.Engine.Containers;

/// <summary>
/// Interactive use of containers through conmon's attach socket: output and stdin travel
/// over it, window sizes through conmon's control fifo. Detaching leaves the process running.
/// </summary>
public interface IContainerAttach
{
    /// <summary>Starts a created or exited container with the client attached from the first byte.</summary>
    /// <exception cref="Contracts.Errors.WrongStateException">It is already running.</exception>
    Task<AttachResult> StartAttachedAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken);

    /// <summary>Attaches to a running container until it exits or the client detaches.</summary>
    /// <exception cref="Contracts.Errors.WrongStateException">It is not running.</exception>
    Task<AttachResult> AttachAsync(
        string nameOrId,
        AttachStreams streams,
        CancellationToken cancellationToken);

    /// <summary>
    /// Runs a process in a running container under its own conmon, with a terminal when
    /// <paramref name="tty"/>; the result's code is the process's (126/127 when it could
    /// not be run). Null <paramref name="streams"/> means detached: returns at once with 0.
    /// </summary>
    Task<AttachResult> ExecAttachedAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        bool tty,
        AttachStreams? streams,
        CancellationToken cancellationToken);
}
