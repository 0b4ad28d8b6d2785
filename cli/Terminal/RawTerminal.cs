namespace Modular.Cli.Terminal;

/// <summary>
/// Puts our stdin terminal in raw mode while a container's terminal is attached, so every
/// key (ctrl-c included) goes to the container, and restores it on dispose, at process
/// exit, and before a terminating signal that nobody forwards ends the process.
/// </summary>
public sealed class RawTerminal : IDisposable
{
    private readonly byte[] _saved;
    private readonly List<System.Runtime.InteropServices.PosixSignalRegistration> _registrations = [];
    private int _restored;

    private RawTerminal(byte[] saved, bool restoreOnSignals)
    {
        _saved = saved;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        if (restoreOnSignals)
        {
            // Without --sig-proxy these signals end modpod; the terminal must come back first.
            foreach (var signal in TerminatingSignals)
            {
                _registrations.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(
                    signal,
                    _ => Restore()));
            }
        }

        TerminalNative.SetAttributes(TerminalNative.StdinFd, TerminalNative.MakeRaw(saved));
    }

    private static readonly System.Runtime.InteropServices.PosixSignal[] TerminatingSignals =
    [
        System.Runtime.InteropServices.PosixSignal.SIGTERM,
        System.Runtime.InteropServices.PosixSignal.SIGHUP,
        System.Runtime.InteropServices.PosixSignal.SIGQUIT,
        System.Runtime.InteropServices.PosixSignal.SIGINT,
    ];

    /// <summary>Raw mode on stdin when it is a terminal; null (nothing to restore) otherwise.</summary>
    public static RawTerminal? Enter(bool restoreOnSignals)
    {
        if (!TerminalNative.IsTerminal(TerminalNative.StdinFd))
        {
            return null;
        }

        var saved = TerminalNative.GetAttributes(TerminalNative.StdinFd);
        return saved is null ? null : new RawTerminal(saved, restoreOnSignals);
    }

    public void Dispose()
    {
        Restore();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            TerminalNative.SetAttributes(TerminalNative.StdinFd, _saved);
        }
    }
}
