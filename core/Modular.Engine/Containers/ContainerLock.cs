using Modular.Engine.Locking;

namespace Modular.Engine.Containers;

/// <summary>
/// A held per-container lock that, once released, waits for the conmons of containers
/// removed under it. conmon exits only after its exit command (<c>container cleanup</c>)
/// returns, and that command needs this very lock: waiting for conmon while holding the
/// lock would stall both until a timeout. So removal only notes the conmon, and the wait
/// happens here, after the lock is gone, when the cleanup can see the row is gone and end.
/// </summary>
/// <remarks>Without <c>waits</c>, noted conmons stay queued for the next lock that waits.</remarks>
internal sealed class ContainerLock(FileLock fileLock, ConmonExitWaits? waits) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        fileLock.Dispose();
        if (waits is not null)
        {
            await waits.DrainAsync();
        }
    }
}
