using System.Collections.Concurrent;

namespace Modular.Api.Compat;

/// <summary>
/// Docker clients attach to a created container and then start it in another request.
/// The attach waits here; the start hands it the go, so the attached client sees every
/// byte from the first (the engine starts it attached).
/// </summary>
public sealed class PendingStarts
{
    private readonly ConcurrentDictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> _exits = new(StringComparer.Ordinal);

    /// <summary>The exit code an attached run saw, for a wait whose container is gone (--rm).</summary>
    public void RecordExit(string id, int code) => _exits[id] = code;

    public int? TakeExit(string id) => _exits.TryRemove(id, out var code) ? code : null;

    /// <summary>Registers an attach waiting for the start of <paramref name="id"/>.</summary>
    public Waiter Register(string id)
    {
        var waiter = new Waiter(id, this);
        _waiters[id] = waiter;
        return waiter;
    }

    /// <summary>Hands the start to a waiting attach; false when none waits.</summary>
    public bool TryHandOver(string id, out Task started)
    {
        if (_waiters.TryRemove(id, out var waiter))
        {
            waiter.Go.TrySetResult();
            started = waiter.Started.Task;
            return true;
        }

        started = Task.CompletedTask;
        return false;
    }

    /// <summary>One attach waiting; disposing it withdraws it.</summary>
    public sealed class Waiter(string id, PendingStarts owner) : IDisposable
    {
        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when the attached start has the container running (or failed).</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            owner._waiters.TryRemove(new KeyValuePair<string, Waiter>(id, this));
            Started.TrySetResult();
        }
    }
}
