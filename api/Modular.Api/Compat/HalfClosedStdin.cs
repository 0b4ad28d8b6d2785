namespace Modular.Api.Compat;

/// <summary>The hijacked connection read as stdin: the client's half-close is its EOF.</summary>
public sealed class HalfClosedStdin(Stream inner, Task halfClosed) : Stream
{
    private Task<int>? _pending;
    private byte[] _scratch = [];

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (halfClosed.IsCompleted && _pending is null)
        {
            return 0;
        }

        // A read left waiting when the half-close came stays pending; its buffer is ours.
        if (_pending is null)
        {
            _scratch = new byte[buffer.Length];
            _pending = inner.ReadAsync(_scratch, 0, _scratch.Length, CancellationToken.None);
        }

        var done = await Task.WhenAny(_pending, halfClosed).WaitAsync(cancellationToken);
        if (done != _pending)
        {
            return 0;
        }

        var read = await _pending;
        _pending = null;
        _scratch.AsSpan(0, Math.Min(read, buffer.Length)).CopyTo(buffer.Span);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
