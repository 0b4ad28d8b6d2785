using System.Threading.Channels;

namespace Modular.Engine.Containers;

/// <summary>
/// What a client brings to an attach: where output goes, stdin if it forwards one, the
/// detach sequence it watches stdin for, and the sizes of its terminal as they change.
/// </summary>
/// <param name="Stdin">Read until EOF and sent to the process, or null for --no-stdin.</param>
/// <param name="DetachKeys">Bytes that detach when typed in a row; empty turns it off.</param>
/// <param name="Resizes">The client terminal's sizes, the first one at attach, or null.</param>
public sealed record AttachStreams(
    Stream? Stdin,
    Stream Stdout,
    Stream Stderr,
    byte[] DetachKeys,
    ChannelReader<TerminalSize>? Resizes = null);
