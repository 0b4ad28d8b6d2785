using System.Runtime.InteropServices;
using System.Text;

namespace Modular.Engine.Events;

/// <summary>
/// Appends whole lines to the events log from many processes at once: the file is opened
/// with O_APPEND (so each write lands at the end, whatever another process did) and the
/// write happens under an exclusive flock, so two appenders never interleave their lines.
/// .NET's FileStream offers neither, hence libc.
/// </summary>
internal static partial class EventLogFile
{
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenAppend = 0x400;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int Interrupted = 4;

    public static void AppendLine(string path, string line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fd = open(path, OpenWriteOnly | OpenCreate | OpenAppend | OpenCloseOnExec, 0x1A4);
        if (fd < 0)
        {
            throw new IOException($"opening {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        try
        {
            Lock(fd, path);
            WriteAll(fd, Encoding.UTF8.GetBytes(line + "\n"), path);
        }
        finally
        {
            // Closing the descriptor releases the flock as well.
            _ = close(fd);
        }
    }

    /// <summary>
    /// Opens the log for reading without a lock. .NET's own file APIs take a shared flock on
    /// Unix, which would block every appender for as long as a reader follows the file.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle OpenForReading(string path)
    {
        var fd = open(path, OpenCloseOnExec, 0);
        if (fd < 0)
        {
            throw new IOException($"opening {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
    }

    private static void Lock(int fd, string path)
    {
        while (flock(fd, LockExclusive) != 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted)
            {
                throw new IOException($"locking {path}: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
    }

    private static unsafe void WriteAll(int fd, byte[] bytes, string path)
    {
        fixed (byte* start = bytes)
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var written = write(fd, start + offset, (nint)(bytes.Length - offset));
                if (written < 0 && Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                if (written <= 0)
                {
                    throw new IOException($"writing {path}: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)written;
            }
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
