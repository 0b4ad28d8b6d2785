using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Compat;

/// <summary>
/// Output written straight to the connection under a request Kestrel could not upgrade;
/// disposing it flushes and aborts the connection, so no HTTP answer follows the stream.
/// </summary>
public sealed class RawConnectionStream(IDuplexPipe transport, HttpContext http) : Stream
{
    private readonly Stream _output = transport.Output.AsStream(leaveOpen: true);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _output.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _output.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override void Flush() => _output.Flush();

    public override async ValueTask DisposeAsync()
    {
        await _output.FlushAsync(CancellationToken.None);
        await _output.DisposeAsync();
        http.Abort();
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
