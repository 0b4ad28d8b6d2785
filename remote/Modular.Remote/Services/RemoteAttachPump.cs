using System.Threading.Channels;
using Modular.Engine.Containers;
using Modular.Remote.Transport;

namespace Modular.Remote.Services;

/// <summary>
/// Moves one attach's bytes over a taken-over connection: the process's output (raw with a
/// terminal, multiplexed frames without) to the client's writers, the client's stdin to the
/// process until EOF (then a half-close), and the client's window sizes to a resize route.
/// The detach keys are watched here, on the client, as Podman's remote client does.
/// </summary>
internal static class RemoteAttachPump
{
    /// <summary>Returns true when the client typed the detach keys, false when the output ended.</summary>
    public static async Task<bool> RunAsync(
        HijackedStream connection,
        AttachStreams streams,
        bool tty,
        Func<TerminalSize, CancellationToken, Task> resize,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var detached = new TaskCompletionSource();
        var output = tty
            ? CopyRawAsync(connection.Output, streams.Stdout, cancellationToken)
            : CopyFramesAsync(connection.Output, streams, cancellationToken);
        if (streams.Stdin is { } stdin)
        {
            // Detach keys are typed keys: without a terminal stdin is data (a pipe, a file)
            // and must reach the process byte for byte, as the local engine and Podman do.
            var keys = tty ? streams.DetachKeys : [];
            _ = CopyInputAsync(connection, stdin, keys, detached, stop.Token);
        }

        if (streams.Resizes is { } sizes)
        {
            _ = ResizeAsync(sizes, resize, stop.Token);
        }

        // A stdin read cannot always be cancelled (a terminal blocks in read(2)); the pumps
        // that may still run are left behind, as the process is about to end anyway.
        var first = await Task.WhenAny(output, detached.Task);
        await stop.CancelAsync();
        await first;
        return first != output;
    }

    private static async Task CopyRawAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[32768];
        int n;
        while ((n = await Frames.ReadSomeAsync(from, buffer, cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            await to.FlushAsync(cancellationToken);
        }
    }

    private static async Task CopyFramesAsync(
        Stream from,
        AttachStreams streams,
        CancellationToken cancellationToken)
    {
        await foreach (var (stream, payload) in Frames.ReadAsync(from, cancellationToken))
        {
            var target = stream == 2 ? streams.Stderr : streams.Stdout;
            await target.WriteAsync(payload, cancellationToken);
            await target.FlushAsync(cancellationToken);
        }
    }

    private static async Task CopyInputAsync(
        HijackedStream connection,
        Stream stdin,
        byte[] detachKeys,
        TaskCompletionSource detached,
        CancellationToken cancellationToken)
    {
        var filter = new DetachKeyFilter(detachKeys);
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stdin.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var pass = filter.Filter(buffer.AsSpan(0, n));
                await connection.Input.WriteAsync(pass, cancellationToken);
                await connection.Input.FlushAsync(cancellationToken);
                if (filter.Detached)
                {
                    detached.TrySetResult();
                    return;
                }
            }

            connection.CloseInput();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The process ended or the client detached: nobody reads stdin any more.
        }
    }

    private static async Task ResizeAsync(
        ChannelReader<TerminalSize> sizes,
        Func<TerminalSize, CancellationToken, Task> resize,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var size in sizes.ReadAllAsync(cancellationToken))
            {
                await TryResizeAsync(resize, size, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The attach ended; sizes no longer matter.
        }
    }

    // A size sent before the process runs, or after it ended, is refused; the next one counts.
    private static async Task TryResizeAsync(
        Func<TerminalSize, CancellationToken, Task> resize,
        TerminalSize size,
        CancellationToken cancellationToken)
    {
        try
        {
            await resize(size, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Best effort, as Podman's client: a failed resize does not end the attach.
        }
    }
}
