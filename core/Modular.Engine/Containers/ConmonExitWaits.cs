using System.Collections.Concurrent;

namespace Modular.Engine.Containers;

/// <summary>
/// The conmons whose exit a removal should see before it returns, so that after
/// <c>modpod rm</c> no conmon names the container. Waits are bounded: a conmon that
/// lingers is reaped by PID 1 and carries nothing of the container's state.
/// </summary>
internal sealed class ConmonExitWaits
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<(int Pid, long StartTicks)> _pending = new();

    /// <summary>Notes a conmon to wait for, unless it is this process's own parent.</summary>
    public void Add(int conmonPid)
    {
        // The exit command runs as conmon's child, and conmon waits for it: waiting here
        // for our own parent could only end by the timeout.
        if (conmonPid <= 0 || conmonPid == ParentProcess.Id
            || ProcessStartTime.Read(conmonPid) is not { } ticks)
        {
            return;
        }

        _pending.Enqueue((conmonPid, ticks));
    }

    /// <summary>Waits, up to the limit each, for every noted conmon to exit.</summary>
    public async Task DrainAsync()
    {
        while (_pending.TryDequeue(out var conmon))
        {
            // Not cancellable: the container is already removed, and this only keeps the
            // promise that rm returns after its conmon; the limit bounds it.
            var deadline = DateTime.UtcNow + Limit;
            while (ProcessStartTime.IsAlive(conmon.Pid, conmon.StartTicks) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }
}
