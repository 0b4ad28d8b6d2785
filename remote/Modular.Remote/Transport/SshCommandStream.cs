using Renci.SshNet;

namespace Modular.Remote.Transport;

/// <summary>
/// A remote command's stdin and stdout as one duplex stream: what HTTP writes goes to the
/// command's input, what the command prints comes back as the response.
/// </summary>
internal sealed class SshCommandStream(SshCommand command, Task running) : Stream
{
    private readonly Stream _input = command.CreateInputStream();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        command.OutputStream.Read(buffer, offset, count);

    // The pipe's Read blocks; running it off the caller's thread keeps HTTP's reads async.
    public override Task<int> ReadAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken) =>
        Task.Run(() => command.OutputStream.Read(buffer, offset, count), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => command.OutputStream.Read(buffer.Span), cancellationToken));

    public override void Write(byte[] buffer, int offset, int count) => _input.Write(buffer, offset, count);

    public override Task WriteAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken) =>
        _input.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default) =>
        _input.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _input.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _input.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Closing stdin ends the remote dial-stdio, which ends the command.
            _input.Dispose();
            _ = running.ContinueWith(_ => command.Dispose(), TaskScheduler.Default);
        }

        base.Dispose(disposing);
    }
}
