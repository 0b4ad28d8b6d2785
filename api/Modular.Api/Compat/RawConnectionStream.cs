using System.IO.Pipelines;

namespace Modular.Api.Compat;

/// <summary>
/// Output written straight to the connection under a request Kestrel could not upgrade;
/// disposing it completes the connection's output, so no HTTP answer follows the stream.
/// </summary>
public sealed class RawConnectionStream(IDuplexPipe transport) : Stream
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

        // Completing the pipe makes Kestrel send what is buffered, then FIN, and end the
        // connection; no answer of its own can follow. An abort instead dropped a tail
        // written just before it (a log replayed under attach's stream=false).
        await transport.Output.CompleteAsync();
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
