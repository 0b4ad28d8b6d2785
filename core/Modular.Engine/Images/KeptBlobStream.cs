namespace Modular.Engine.Images;

/// <summary>
/// A read-only stream that copies every byte read through it to a temp file, which
/// <see cref="CommitAsync"/> completes and renames into place. Disposing without a commit
/// deletes the temp file, so a failed apply keeps no half blob.
/// </summary>
public sealed class KeptBlobStream : Stream
{
    private readonly Stream _source;
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _copy;
    private bool _committed;

    public KeptBlobStream(Stream source, string path)
    {
        _source = source;
        _path = path;
        _temp = $"{path}.{Guid.NewGuid():N}.partial";
        _copy = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = _source.Read(buffer, offset, count);
        _copy.Write(buffer, offset, n);
        return n;
    }

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        var n = await _source.ReadAsync(buffer, cancellationToken);
        await _copy.WriteAsync(buffer[..n], cancellationToken);
        return n;
    }

    public override Task<int> ReadAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads what the decompressor left unread (a trailer, padding), then keeps the file.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }

        await _copy.FlushAsync(cancellationToken);
        await _copy.DisposeAsync();
        File.Move(_temp, _path, overwrite: true);
        _committed = true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copy.Dispose();
            _source.Dispose();
            if (!_committed && File.Exists(_temp))
            {
                File.Delete(_temp);
            }
        }

        base.Dispose(disposing);
    }
}
