namespace Modular.Engine.Containers;

/// <summary>
/// Healthchecks and processes run inside a running container. Kept apart from
/// <see cref="IContainerService"/>, whose shape other parts of the product implement.
/// </summary>
public interface IContainerHealth
{
    /// <summary>
    /// Runs the container's healthcheck once, records the result (status, streak, log) and
    /// acts on <c>--health-on-failure</c>; returns the status word after this result.
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such container.</exception>
    /// <exception cref="Contracts.Errors.WrongStateException">Not running, or no healthcheck.</exception>
    Task<string> RunHealthCheckAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>
    /// The body of the detached timer process: checks on the interval until the container
    /// is no longer running or the state names another timer. Never called in the CLI.
    /// </summary>
    Task RunHealthTimerAsync(string id, CancellationToken cancellationToken);

    /// <summary>Runs a process in the running container; returns its exit code.</summary>
    Task<int> ExecAsync(
        string nameOrId,
        IReadOnlyList<string> argv,
        ExecOptions options,
        Stream stdout,
        Stream stderr,
        CancellationToken cancellationToken);
}
