using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The restart policy, applied by conmon's exit command only: it runs exactly once per
    /// exit, after the exit is recorded, under the container lock. A <c>ps</c> or
    /// <c>inspect</c> that records the exit first never restarts, so an exit is never
    /// acted on twice, and a <c>stop</c> (which holds the lock until it has marked the
    /// container stopped by the user) is never undone.
    /// </summary>
    private async Task RestartByPolicyLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        var policy = new RestartPolicy(record.Config.RestartPolicy, record.Config.RestartRetries);
        var state = record.State;
        if (state.Status != ContainerStatus.Exited
            || !policy.ShouldRestart(state.ExitCode ?? 0, state.RestartCount, state.StoppedByUser))
        {
            return;
        }

        record = record with { State = state with { RestartCount = state.RestartCount + 1 } };
        try
        {
            record = await InitLockedAsync(record, cancellationToken);
            await StartRuntimeLockedAsync(record, cancellationToken);
        }
        catch (Contracts.Errors.ModularException e)
        {
            // Nobody waits for the exit command's result: the failure goes to the log.
            ContainerServiceLog.RestartFailed(_logger, record.Config.Name, e.Message);
        }
    }
}
