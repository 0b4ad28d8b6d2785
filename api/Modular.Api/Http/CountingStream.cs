namespace Modular.Api.Http;

/// <summary>A request body that remembers how much was read and whether its end was.</summary>
public sealed class CountingStream(Stream inner) : Stream
{
    private long _read;
    private volatile bool _sawEnd;

    /// <summary>Whether the whole body was read: its end seen, or its declared length.</summary>
    public bool Ended(long? contentLength) =>
        _sawEnd || (contentLength is { } length && Interlocked.Read(ref _read) >= length);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Interlocked.Read(ref _read);
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Counted(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int read)
    {
        if (read == 0)
        {
            _sawEnd = true;
        }

        Interlocked.Add(ref _read, read);
        return read;
    }
}
