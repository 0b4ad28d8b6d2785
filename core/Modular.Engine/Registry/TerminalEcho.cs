using System.Runtime.InteropServices;

namespace Modular.Engine.Registry;

/// <summary>
/// Turns off echo on a terminal while a password is typed, and puts the saved settings back
/// when disposed or when SIGINT, SIGTERM or SIGHUP ends the process first, so a ^C at the
/// prompt never leaves the user's shell without echo. Not a terminal: nothing changes.
/// </summary>
public sealed partial class TerminalEcho : IDisposable
{
    // struct termios on Linux (glibc, all architectures .NET runs on): four tcflag_t,
    // c_line, 32 control chars, then the two speeds: 60 bytes; 64 leaves room.
    private const int TermiosSize = 64;
    private const int LocalFlagsOffset = 12;
    private const uint Echo = 0x8;
    private const uint Canonical = 0x2;
    private const uint EchoNewline = 0x40;
    private const int SetNow = 0;

    private readonly int _fd;
    private readonly byte[] _saved;
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _restored;

    private TerminalEcho(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            // Restore, then let the signal's default (or the CLI's own handler) proceed.
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Restore()));
        }
    }

    /// <summary>Echo off on <paramref name="fd"/>, or null when it is not a terminal.</summary>
    public static TerminalEcho? Off(int fd)
    {
        var saved = new byte[TermiosSize];
        if (tcgetattr(fd, saved) != 0)
        {
            return null;
        }

        var quiet = (byte[])saved.Clone();
        var flags = BitConverter.ToUInt32(quiet, LocalFlagsOffset) & ~Echo;
        // Line mode, whatever an earlier reader left, so the kernel collects the line; the
        // newline alone is still echoed so the cursor moves on after the hidden password.
        BitConverter.TryWriteBytes(quiet.AsSpan(LocalFlagsOffset), flags | Canonical | EchoNewline);
        var echo = new TerminalEcho(fd, saved);
        if (tcsetattr(fd, SetNow, quiet) != 0)
        {
            echo.Dispose();
            return null;
        }

        return echo;
    }

    public void Dispose()
    {
        Restore();
        _signals.ForEach(s => s.Dispose());
    }

    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            _ = tcsetattr(_fd, SetNow, _saved);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, [In] byte[] termios);
}
