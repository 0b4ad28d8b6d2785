using System.Collections.Concurrent;
using System.Threading.Channels;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>
/// Terminal sizes sent by /containers/{id}/resize and /exec/{id}/resize reach the attach
/// or exec stream open for that id through its channel here.
/// </summary>
public sealed class ResizeChannels
{
    private readonly ConcurrentDictionary<string, Channel<TerminalSize>> _open = new(StringComparer.Ordinal);

    /// <summary>The channel for <paramref name="id"/>, created on first use (a size may come first).</summary>
    public Channel<TerminalSize> For(string id) =>
        _open.GetOrAdd(id, _ => Channel.CreateUnbounded<TerminalSize>());

    public void Close(string id)
    {
        if (_open.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    /// <summary>Sends a size; false when nothing is attached for that id.</summary>
    public bool TrySend(string id, TerminalSize size) =>
        _open.TryGetValue(id, out var channel) && channel.Writer.TryWrite(size);
}
