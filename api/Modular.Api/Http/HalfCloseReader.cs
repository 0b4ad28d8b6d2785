using System.IO.Pipelines;

namespace Modular.Api.Http;

/// <summary>
/// A connection's input as Kestrel sees it, with the client's half-close hidden.
/// Docker clients shut their write side when stdin ends (or at once without stdin) and
/// keep reading output; Kestrel would take that end of input as the end of the
/// connection. Here it only completes <see cref="HalfClosed"/>, which the hijacked
/// stdin reads as EOF, and the reader then waits until Kestrel gives up on it.
/// </summary>
public sealed class HalfCloseReader(PipeReader inner) : PipeReader
{
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource _halfClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _cancelPending;

    public Task HalfClosed => _halfClosed.Task;

    /// <summary>Cancelled when Kestrel completes the reader (the connection is done).</summary>
    public CancellationToken Ended => _ended.Token;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken);
        if (!result.IsCompleted || result.IsCanceled)
        {
            return result;
        }

        if (!result.Buffer.IsEmpty)
        {
            return new ReadResult(result.Buffer, isCanceled: false, isCompleted: false);
        }

        // Only once every byte before it was taken: stdin's EOF must not overtake its data.
        _halfClosed.TrySetResult();
        return await HoldAsync(result, cancellationToken);
    }

    /// <summary>Waits for CancelPendingRead, Complete or the caller's token.</summary>
    private async ValueTask<ReadResult> HoldAsync(ReadResult completed, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        try
        {
            while (!_cancelPending)
            {
                await Task.Delay(100, linked.Token);
            }

            _cancelPending = false;
            return new ReadResult(completed.Buffer, isCanceled: true, isCompleted: false);
        }
        catch (OperationCanceledException) when (_ended.IsCancellationRequested)
        {
            return completed;
        }
    }

    public override bool TryRead(out ReadResult result)
    {
        if (inner.TryRead(out result) && result.IsCompleted && !result.IsCanceled)
        {
            if (result.Buffer.IsEmpty)
            {
                inner.AdvanceTo(result.Buffer.Start);
                return false;
            }

            result = new ReadResult(result.Buffer, isCanceled: false, isCompleted: false);
        }

        return result.Buffer.Length > 0 || result.IsCanceled;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) =>
        inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead()
    {
        _cancelPending = true;
        inner.CancelPendingRead();
    }

    public override void Complete(Exception? exception = null)
    {
        _ended.Cancel();
        inner.Complete(exception);
    }
}
