using System.Runtime.InteropServices;

namespace Modular.Cli.Terminal;

/// <summary>
/// Whether the reader of a pipe has gone. .NET ignores SIGPIPE and its console writer drops
/// EPIPE silently, so a streaming command such as <c>stats | head -1</c> would write into
/// the void forever; Linux reports POLLERR on a pipe's write end once no reader is left.
/// </summary>
internal static unsafe partial class BrokenPipe
{
    private const short PollErr = 0x008;

    /// <summary>True when <paramref name="fd"/> is a pipe whose reading end is closed.</summary>
    public static bool IsClosed(int fd = TerminalNative.StdoutFd)
    {
        var entry = new PollFd { Fd = fd };
        return poll(&entry, 1, 0) == 1 && (entry.Revents & PollErr) != 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
