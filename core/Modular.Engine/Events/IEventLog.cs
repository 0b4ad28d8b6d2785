using Modular.Contracts.Hooks;

namespace Modular.Engine.Events;

/// <summary>
/// The one place every state change is recorded: appended to the events log file (one
/// Podman-shaped JSON object a line), then handed to the loaded hook providers.
/// </summary>
public interface IEventLog
{
    /// <summary>Appends the event and notifies hook providers.</summary>
    Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken);

    /// <summary>Reads events between <paramref name="since"/> and <paramref name="until"/>,
    /// following new ones when <paramref name="stream"/> is true.</summary>
    IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        CancellationToken cancellationToken);
}
