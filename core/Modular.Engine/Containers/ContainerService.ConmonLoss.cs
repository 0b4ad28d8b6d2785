using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// A container left "stopping" whose conmon died without an exit file (the stopping
    /// process and conmon were killed): as Podman's sync does, the runaway process is
    /// killed, the container recorded as exited with code -1 and cleaned up, and the caller
    /// told that the exit code is lost.
    /// </summary>
    /// <exception cref="BackendException">Always, once the container is cleaned up.</exception>
    private async Task SettleLostConmonLockedAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        var id = record.Config.Id;
        await RuntimeFor(record.Config).KillAsync(id, Signals.Kill, cancellationToken);
        var cleaned = await CleanupLockedAsync(record, "stop", cancellationToken);
        if (cleaned is not null)
        {
            var state = cleaned.State with
            {
                ConmonPid = 0,
                Error = "conmon died without writing exit file, container exit code could not be retrieved",
            };
            await _store.UpdateStateAsync(id, state, cancellationToken);
        }

        throw new BackendException(
            $"container {id} conmon exited prematurely, exit code could not be retrieved: conmon process killed");
    }

    private bool LostConmonWhileStopping(ContainerRecord record) =>
        record.State.Status == ContainerStatus.Stopping
        && !File.Exists(PathsFor(record.Config.Id).ExitFile)
        && !ProcessStartTime.IsAlive(record.State.ConmonPid, record.State.ConmonStartTicks);
}
