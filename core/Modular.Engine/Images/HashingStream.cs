using System.Security.Cryptography;

namespace Modular.Engine.Images;

/// <summary>
/// A read-only pass-through that hashes and counts what it hands out, so a blob or an
/// uncompressed layer is verified in the same pass that stores or applies it.
/// </summary>
internal sealed class HashingStream(Stream inner, bool leaveOpen = false) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads what is left, then returns the digest of everything read.</summary>
    public async Task<string> FinishAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }

        var digest = "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        return digest;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Account(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(
        Memory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(
        byte[] buffer,
        int offset,
        int count) => throw new NotSupportedException();

    /// <remarks>
    /// With <c>leaveOpen</c> this is a no-op: a consumer such as a tar reader may dispose
    /// the stream it was handed, and the owner must still be able to finish the digest.
    /// The hash is then released by <see cref="FinishAsync"/> (or its finalizer).
    /// </remarks>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        BytesRead += data.Length;
    }
}
