using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Cli.Terminal;

/// <summary>
/// The client side of one attach: our stdout and stderr, our stdin when forwarded, raw mode
/// while a container's terminal is attached to ours, and our window size as it changes.
/// Disposing gives the terminal back as it was.
/// </summary>
public sealed class InteractiveClient : IAsyncDisposable
{
    private readonly Stream _stdout;
    private readonly Stream _stderr;
    private readonly RawTerminal? _raw;
    private readonly WindowSizeWatcher? _sizes;

    private InteractiveClient(
        Stream stdout,
        Stream stderr,
        Stream? stdin,
        byte[] detachKeys,
        RawTerminal? raw,
        WindowSizeWatcher? sizes)
    {
        _stdout = stdout;
        _stderr = stderr;
        _raw = raw;
        _sizes = sizes;
        Streams = new AttachStreams(stdin, stdout, stderr, detachKeys, sizes?.Sizes);
    }

    public AttachStreams Streams { get; }

    /// <param name="stdin">Forward our stdin (-i, and not --no-stdin).</param>
    /// <param name="tty">The process has a terminal: ours goes raw and its size follows ours.</param>
    /// <param name="sigProxy">Signals are forwarded, so they do not end modpod.</param>
    public static InteractiveClient Open(
        CliContext context,
        bool stdin,
        bool tty,
        byte[] detachKeys,
        bool sigProxy)
    {
        var stdout = context.OpenStdout();
        var stderr = context.OpenStderr();
        var input = stdin ? OpenStdin() : null;

        // Podman puts the terminal in raw mode only when our keys go to the container's terminal.
        var raw = tty && stdin ? RawTerminal.Enter(!sigProxy) : null;
        var sizes = tty && TerminalNative.IsTerminal(TerminalNative.StdoutFd) ? new WindowSizeWatcher() : null;
        return new InteractiveClient(stdout, stderr, input, detachKeys, raw, sizes);
    }

    // Console.OpenStandardInput reads a terminal line by line through .NET's own line editor;
    // the container needs every byte as typed, so fd 0 is read directly.
    private static FileStream OpenStdin() =>
        new(new Microsoft.Win32.SafeHandles.SafeFileHandle(TerminalNative.StdinFd, false), FileAccess.Read, 1);

    public async ValueTask DisposeAsync()
    {
        _sizes?.Dispose();
        _raw?.Dispose();
        await _stdout.DisposeAsync();
        await _stderr.DisposeAsync();
    }
}
