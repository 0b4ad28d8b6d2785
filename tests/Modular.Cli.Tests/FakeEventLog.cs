using System.Runtime.CompilerServices;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;

namespace Modular.Cli.Tests;

/// <summary>Stands in for the engine's events log; records how the CLI asked to read it.</summary>
public sealed class FakeEventLog : IEventLog
{
    public List<EngineEvent> Events { get; } = [];

    public bool? LastStream { get; private set; }

    public Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        Events.Add(engineEvent);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastStream = stream;
        await Task.Yield();
        foreach (var e in Events.Where(e => (since is null || e.Time >= since) && (until is null || e.Time <= until)))
        {
            yield return e;
        }
    }
}
