using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// Where <c>build</c> writes its progress and RUN output: the terminal, or with
/// <c>--logfile</c> that file. Every writer goes through one file stream (a second
/// FileStream would keep its own offset and overwrite the first's text), each through a
/// view that serializes writes and leaves the file open when disposed.
/// </summary>
public sealed class LogTarget : IAsyncDisposable
{
    private readonly FileStream? _file;

    private LogTarget(CliContext context, string? path)
    {
        if (path is null)
        {
            Out = context.Out;
            Error = context.Error;
            OpenStdout = context.OpenStdout;
            OpenStderr = context.OpenStderr;
            return;
        }

        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(new SharedView(_file)) { AutoFlush = true };
        Out = writer;
        Error = writer;
        OpenStdout = () => new SharedView(_file);
        OpenStderr = () => new SharedView(_file);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public Func<Stream> OpenStdout { get; }

    public Func<Stream> OpenStderr { get; }

    public static LogTarget Open(CliContext context, string? path) => new(context, path);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    /// <summary>A write-only view of the shared file; writes are one at a time.</summary>
    private sealed class SharedView(FileStream file) : Stream
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

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (file)
            {
                file.Write(buffer, offset, count);
                file.Flush();
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) =>
            throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
