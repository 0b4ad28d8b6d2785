using System.Runtime.InteropServices;
using System.Threading.Channels;
using Modular.Engine.Containers;

namespace Modular.Cli.Terminal;

/// <summary>
/// Reports our terminal's size: once at the start, then at every SIGWINCH (signal 28 on
/// Linux, which has no PosixSignal member; raw numbers are allowed).
/// </summary>
public sealed class WindowSizeWatcher : IDisposable
{
    private const PosixSignal SigWinch = (PosixSignal)28;

    private readonly Channel<TerminalSize> _sizes = Channel.CreateUnbounded<TerminalSize>();
    private readonly PosixSignalRegistration _registration;

    public WindowSizeWatcher()
    {
        Publish();
        _registration = PosixSignalRegistration.Create(SigWinch, context =>
        {
            context.Cancel = true;
            Publish();
        });
    }

    public ChannelReader<TerminalSize> Sizes => _sizes.Reader;

    public void Dispose()
    {
        _registration.Dispose();
        _sizes.Writer.TryComplete();
    }

    private void Publish()
    {
        var size = TerminalNative.WindowSize(TerminalNative.StdoutFd)
            ?? TerminalNative.WindowSize(TerminalNative.StdinFd);
        if (size is { } known)
        {
            _sizes.Writer.TryWrite(new TerminalSize(known.Rows, known.Columns));
        }
    }
}
