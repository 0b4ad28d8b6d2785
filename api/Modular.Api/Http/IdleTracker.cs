using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Ends the service after --time seconds with no request in flight. A hijacked attach or
/// exec stays inside its request until the stream closes, so it counts as busy.
/// </summary>
public sealed class IdleTracker(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private int _active;
    private DateTimeOffset _lastDone = clock.GetUtcNow();

    public IdleTracker()
        : this(TimeProvider.System)
    {
    }

    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Returns when idle for <paramref name="limit"/>; with a zero limit, only when cancelled.</summary>
    public async Task WaitUntilIdleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        if (limit <= TimeSpan.Zero)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var idleFor = clock.GetUtcNow() - _lastDone;
                if (_active == 0 && idleFor >= limit)
                {
                    return;
                }

                wait = _active == 0 ? limit - idleFor : limit;
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            _active++;
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _active--;
            _lastDone = clock.GetUtcNow();
        }
    }

    /// <summary>Counts each request from its first byte to its last.</summary>
    public sealed class Middleware(RequestDelegate next, IdleTracker tracker)
    {
        public async Task InvokeAsync(HttpContext http)
        {
            tracker.Enter();
            try
            {
                await next(http);
            }
            finally
            {
                tracker.Leave();
            }
        }
    }
}
