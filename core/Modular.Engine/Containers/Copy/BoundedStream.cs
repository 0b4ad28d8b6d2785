namespace Modular.Engine.Containers.Copy;

/// <summary>
/// A file's content cut or padded to the size recorded in its tar header: a running
/// container may grow or truncate the file while it is copied, and a tar entry whose data
/// disagrees with its header corrupts every entry after it.
/// </summary>
internal sealed class BoundedStream(Stream inner, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    // "Seekable" only so TarWriter takes Length for the header; it never moves the position.
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = inner.Read(buffer[..wanted]);
        if (read == 0)
        {
            // Truncated under us: pad with zeros to keep the archive well formed.
            buffer[..wanted].Clear();
            read = wanted;
        }

        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        (origin, offset) is (SeekOrigin.Current, 0) ? _position : throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
