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

    // Sizes known at create (Docker's ConsoleSize), waiting for the container's attach.
    private readonly ConcurrentDictionary<string, TerminalSize> _initial = new(StringComparer.Ordinal);

    /// <summary>The channel for <paramref name="id"/>, created on first use (a size may come first).</summary>
    public Channel<TerminalSize> For(string id) =>
        _open.GetOrAdd(id, key =>
        {
            var channel = Channel.CreateUnbounded<TerminalSize>();
            if (_initial.TryRemove(key, out var size))
            {
                channel.Writer.TryWrite(size);
            }

            return channel;
        });

    /// <summary>
    /// The size the terminal of container <paramref name="id"/> starts with, queued first
    /// when something attaches. Containers created with a TTY and never attached would keep
    /// theirs: past a bound the waiting sizes are dropped (they matter only to an attach
    /// following its create, as `docker run -it` does).
    /// </summary>
    public void Seed(string id, TerminalSize size)
    {
        if (_initial.Count >= 1024)
        {
            _initial.Clear();
        }

        _initial[id] = size;
    }

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
