using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;

namespace Modular.Plugins.Runtime.Tests.Containers;

/// <summary>Stands in for the kernel's events log file: keeps events in memory for assertions.</summary>
public sealed class FakeEventLog : IEventLog
{
    public ConcurrentQueue<EngineEvent> Events { get; } = new();

    public Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(engineEvent);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var engineEvent in Events)
        {
            yield return engineEvent;
        }

        await Task.CompletedTask;
    }
}
