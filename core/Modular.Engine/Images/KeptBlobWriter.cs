using System.Security.Cryptography;

namespace Modular.Engine.Images;

/// <summary>
/// Copies a blob to a temp file while the layer is applied from it (a tee), so keeping
/// it costs no second read. Disposing without <see cref="CommitAsync"/> deletes the copy.
/// </summary>
internal sealed class KeptBlobWriter(LayerBlobs blobs, string diffId, string tempPath)
    : IAsyncDisposable
{
    private readonly FileStream _file = new(tempPath, FileMode.CreateNew, FileAccess.Write);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _head;
    private long _size;
    private bool _committed;

    /// <summary>The stream to read the blob through.</summary>
    public Stream Wrap(Stream blob) => new TeeStream(blob, this);

    /// <summary>
    /// Reads what the decompressor left (tar padding, trailing bytes) through the tee, then
    /// files the copy under the layer's diff id.
    /// </summary>
    public async Task CommitAsync(Stream wrapped, CancellationToken cancellationToken)
    {
        await wrapped.CopyToAsync(Stream.Null, cancellationToken);
        await _file.FlushAsync(cancellationToken);
        await _file.DisposeAsync();
        var digest = "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());
        var kind = BlobCompressions.Detect(_head ?? []);
        blobs.Place(diffId, tempPath, digest, _size, kind);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _hash.Dispose();
        if (!_committed && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }

    private async ValueTask CopyAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Account(data.Span);
        await _file.WriteAsync(data, cancellationToken);
    }

    private void Copy(ReadOnlySpan<byte> data)
    {
        Account(data);
        _file.Write(data);
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return;
        }

        // The first read may be shorter than the four bytes the magic needs; gather them.
        if (_head is null || _head.Length < 4)
        {
            var have = _head ?? [];
            _head = [.. have, .. data[..Math.Min(4 - have.Length, data.Length)]];
        }

        _hash.AppendData(data);
        _size += data.Length;
    }

    private sealed class TeeStream(Stream inner, KeptBlobWriter writer) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => writer._size;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer,
            CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            await writer.CopyAsync(buffer[..n], cancellationToken);
            return n;
        }

        public override Task<int> ReadAsync(
            byte[] buffer,
            int offset,
            int count,
            CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // Decompressors may read synchronously; the copy is then synchronous too.
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            writer.Copy(buffer.AsSpan(offset, n));
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
