using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Modular.Contracts.Hooks;
using Modular.Engine.Events;

namespace Modular.Remote.Services;

/// <summary>
/// IEventLog over GET /libpod/events: the service's events read back into the engine's
/// records, so <c>events</c> filters and formats them as it does locally. Recording events
/// is the service's business; a remote client never appends.
/// </summary>
public sealed class RemoteEventLog(LibpodClient libpod) : IEventLog
{
    public Task AppendAsync(EngineEvent engineEvent, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public async IAsyncEnumerable<EngineEvent> ReadAsync(
        DateTimeOffset? since,
        DateTimeOffset? until,
        bool stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = $"libpod/events?stream={(stream ? "true" : "false")}"
            + (since is { } from ? "&since=" + Seconds(from) : "")
            + (until is { } to ? "&until=" + Seconds(to) : "");
        using var response = await libpod.GetAsync(path, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonNode.Parse(line) is JsonObject message)
            {
                yield return Event(message);
            }
        }
    }

    // Unix seconds with a fraction: the service's since and until take them to the tick.
    private static string Seconds(DateTimeOffset time) =>
        ((decimal)(time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond)
            .ToString("0.#######", CultureInfo.InvariantCulture);

    /// <summary>Docker's events.Message (what the service sends) as the engine's event.</summary>
    private static EngineEvent Event(JsonObject message)
    {
        var actor = message["Actor"] as JsonObject ?? [];
        var attributes = (actor["Attributes"] as JsonObject ?? [])
            .ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");
        var name = attributes.Remove("name", out var value) ? value : "";
        var nanos = message["timeNano"] is JsonValue n && n.TryGetValue<long>(out var time) ? time : 0;
        return new EngineEvent(
            message["Type"]?.ToString() ?? "",
            message["Action"]?.ToString() ?? message["status"]?.ToString() ?? "",
            actor["ID"]?.ToString() ?? message["id"]?.ToString() ?? "",
            name,
            DateTimeOffset.UnixEpoch.AddTicks(nanos / 100),
            attributes);
    }
}
