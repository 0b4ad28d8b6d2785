using Modular.Engine.Conmon;

namespace Modular.Engine.Containers;

/// <summary>
/// Moves one attach session's bytes: output from conmon to the client, the client's stdin
/// to conmon (watching for the detach keys), and the client's window sizes to conmon's
/// control fifo. Ends when conmon closes the socket (the process exited) or on a detach.
/// </summary>
internal sealed class AttachPump(AttachConnection connection, AttachStreams streams, string controlFifo)
{
    /// <summary>True when the client detached; false when the output ended.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = connection.CopyOutputAsync(streams.Stdout, streams.Stderr, stop.Token);
        var input = streams.Stdin is null ? Task.FromResult(false) : PumpInputAsync(streams.Stdin, stop.Token);
        var resizes = ForwardResizesAsync(stop.Token);
        try
        {
            // stdin ending is not the end of the session: the output runs until the process exits.
            var first = await Task.WhenAny(output, input);
            if (first == input && await input)
            {
                return true;
            }

            await output;
            return false;
        }
        finally
        {
            await stop.CancelAsync();
            await resizes;
        }
    }

    private async Task<bool> PumpInputAsync(Stream stdin, CancellationToken cancellationToken)
    {
        var filter = new DetachKeyFilter(streams.DetachKeys);
        var buffer = new byte[4096];
        while (true)
        {
            // A terminal's read cannot be cancelled; the task is left behind when the output ends.
            var read = await Task.Run(() => stdin.Read(buffer, 0, buffer.Length), CancellationToken.None)
                .WaitAsync(cancellationToken);
            if (read <= 0)
            {
                connection.CloseInput();
                return false;
            }

            var data = filter.Filter(buffer.AsSpan(0, read));
            if (data.Length > 0)
            {
                await connection.SendAsync(data, cancellationToken);
            }

            if (filter.Detached)
            {
                return true;
            }
        }
    }

    private async Task ForwardResizesAsync(CancellationToken cancellationToken)
    {
        if (streams.Resizes is null)
        {
            return;
        }

        try
        {
            await foreach (var size in streams.Resizes.ReadAllAsync(cancellationToken))
            {
                ConmonControl.Resize(controlFifo, size);
            }
        }
        catch (OperationCanceledException)
        {
            // The session is over; later sizes have no terminal to go to.
        }
    }
}
