using System.Buffers.Binary;

namespace Modular.Api.Shared;

/// <summary>
/// Docker's stream framing without a terminal: each write becomes a frame of an 8-byte
/// header (stream 1 stdout or 2 stderr, three zero bytes, big-endian length) and the
/// payload. Both streams of one connection share a gate so frames never interleave.
/// </summary>
public sealed class MultiplexedStream(Stream inner, byte streamType, SemaphoreSlim gate) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte[] Header(byte streamType, int length)
    {
        var header = new byte[8];
        header[0] = streamType;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)length);
        return header;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(Header(streamType, buffer.Length), cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
