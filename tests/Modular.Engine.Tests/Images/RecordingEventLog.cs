using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;

namespace Modular.Engine.Tests.Images;

/// <summary>Keeps appended events in memory; can be told to fail every append.</summary>
public sealed class RecordingEventLog : IEventLog
{
    public ConcurrentQueue<EngineEvent> Events { get; } = new();

    public bool Fail { get; set; }

    /// <summary>"status name" for each event, in order, as a user reads them in <c>events</c>.</summary>
    public IReadOnlyList<string> Lines => [.. Events.Select(e => $"{e.Type} {e.Status} {e.Name}")];

    public Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("events file is read-only");
        }

        Events.Enqueue(engineEvent);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var engineEvent in Events)
        {
            yield return engineEvent;
        }
    }
}
