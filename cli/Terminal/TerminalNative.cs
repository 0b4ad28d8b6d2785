using System.Runtime.InteropServices;

namespace Modular.Cli.Terminal;

/// <summary>libc's terminal calls: termios for raw mode, TIOCGWINSZ for the window size.</summary>
internal static unsafe partial class TerminalNative
{
    public const int StdinFd = 0;
    public const int StdoutFd = 1;

    // glibc's struct termios is 60 bytes on x86_64 and arm64; the buffer leaves room to spare.
    public const int TermiosSize = 256;

    private const int TcsaNow = 0;
    private const nuint TiocGwinsz = 0x5413;

    [LibraryImport("libc")]
    public static partial int isatty(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw(byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, ushort* winsize);

    public static bool IsTerminal(int fd) => isatty(fd) == 1;

    /// <summary>The terminal's current settings, or null when <paramref name="fd"/> is none.</summary>
    public static byte[]? GetAttributes(int fd)
    {
        var termios = new byte[TermiosSize];
        fixed (byte* pointer = termios)
        {
            return tcgetattr(fd, pointer) == 0 ? termios : null;
        }
    }

    public static void SetAttributes(int fd, byte[] termios)
    {
        fixed (byte* pointer = termios)
        {
            tcsetattr(fd, TcsaNow, pointer);
        }
    }

    public static byte[] MakeRaw(byte[] termios)
    {
        var raw = (byte[])termios.Clone();
        fixed (byte* pointer = raw)
        {
            cfmakeraw(pointer);
        }

        return raw;
    }

    /// <summary>Rows and columns of the terminal on <paramref name="fd"/>, or null.</summary>
    public static (int Rows, int Columns)? WindowSize(int fd)
    {
        var winsize = stackalloc ushort[4];
        if (ioctl(fd, TiocGwinsz, winsize) != 0 || winsize[0] == 0)
        {
            return null;
        }

        return (winsize[0], winsize[1]);
    }
}
