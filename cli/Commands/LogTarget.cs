using Modular.Cli.Hosting;

namespace Modular.Cli.Commands;

/// <summary>
/// Where <c>build</c> writes its progress and RUN output: the terminal, or with
/// <c>--logfile</c> that file (truncated first, then every writer appends, so the STEP
/// lines and the commands' own output stay in order).
/// </summary>
public sealed class LogTarget : IAsyncDisposable
{
    private readonly StreamWriter? _file;

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

        File.WriteAllBytes(path, []);
        _file = new StreamWriter(Append(path)) { AutoFlush = true };
        Out = _file;
        Error = _file;
        OpenStdout = () => Append(path);
        OpenStderr = () => Append(path);
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

    private static FileStream Append(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
}
