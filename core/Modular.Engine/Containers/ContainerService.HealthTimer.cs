using Modular.Engine.Health;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task RunHealthTimerAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await _store.FindAsync(id, cancellationToken);
            if (record?.Config.Healthcheck is not { IsEnabled: true } check
                || check.Interval <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(check.Interval, cancellationToken);

            // Re-read after the sleep: the run may have ended, or a restart given it a new timer.
            record = await _store.FindAsync(id, cancellationToken);
            if (record is null || !IsMyRun(record))
            {
                return;
            }

            await CheckQuietlyAsync(id, cancellationToken);

            // The check's on-failure action may have ended or restarted the run: a restart
            // brings its own timer, so this one must not linger for another interval.
            record = await _store.FindAsync(id, cancellationToken);
            if (record is null || !IsMyRun(record))
            {
                return;
            }
        }
    }

    private static bool IsMyRun(ContainerRecord record) =>
        record.State.Status == ContainerStatus.Running
        && record.State.HealthTimerPid == Environment.ProcessId;

    // A failed check attempt (the container went away mid-check) is the next loop's concern.
    private async Task CheckQuietlyAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await RunHealthCheckAsync(id, cancellationToken);
        }
        catch (Contracts.Errors.ModularException)
        {
            // The container stopped or was removed between the state read and the check.
        }
    }

    /// <summary>
    /// At start: status back to starting and, when the check has an interval, a timer
    /// process of this run, recorded in the state (see <see cref="HealthTimer"/>).
    /// </summary>
    private async Task<ContainerRecord> StartHealthLockedAsync(
        ContainerRecord record,
        CancellationToken cancellationToken)
    {
        if (record.Config.Healthcheck is not { IsEnabled: true } check)
        {
            return record;
        }

        await HealthStoreFor(record.Config).ResetAsync(cancellationToken);
        if (check.Interval <= TimeSpan.Zero)
        {
            return record;
        }

        var (pid, ticks) = await HealthTimer.SpawnAsync(
            _serviceOptions.ExitCommand ?? Environment.ProcessPath ?? "modpod",
            [.. _options.GlobalArguments, "healthcheck", "timer", record.Config.Id],
            _options.ConfigEnvironment,
            cancellationToken);
        var state = record.State with { HealthTimerPid = pid, HealthTimerStartTicks = ticks };
        await _store.UpdateStateAsync(record.Config.Id, state, cancellationToken);
        return record with { State = state };
    }

    /// <summary>Ends the run's timer by its recorded pid; the state forgets it.</summary>
    private static ContainerRuntimeState StopHealthTimer(ContainerRuntimeState state)
    {
        HealthTimer.Stop(state.HealthTimerPid, state.HealthTimerStartTicks);
        return state with { HealthTimerPid = 0, HealthTimerStartTicks = 0 };
    }
}
