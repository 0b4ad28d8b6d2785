using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Modular.Engine.Locking;

/// <summary>
/// An exclusive flock(2) on a lock file, held until disposed. flock locks belong to the
/// open file description, so two modpod processes (or two opens in one) exclude each other,
/// and the kernel drops the lock when a killed process's descriptor closes. The file is
/// opened with open(2), not FileStream: .NET emulates FileShare with flock on the same
/// file, which would make a second open fail instead of wait.
/// </summary>
public sealed partial class FileLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int ReadWriteCreateCloexec = 0x2 | 0x40 | 0x80000;
    private const int Interrupted = 4;

    private int _fd;

    private FileLock(int fd) => _fd = fd;

    /// <summary>Blocks until the lock on <paramref name="path"/> is held.</summary>
    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        cancellationToken.ThrowIfCancellationRequested();
        var fd = open(path, ReadWriteCreateCloexec, 0x180);
        if (fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"open {path}");
        }

        try
        {
            // flock blocks the calling thread, so it runs off the caller's; cancellation cannot
            // interrupt a blocked flock and is checked before.
            await Task.Run(() => Lock(fd, path), CancellationToken.None);
            return new FileLock(fd);
        }
        catch
        {
            close(fd);
            throw;
        }
    }

    /// <summary>The lock if nobody holds it now, else null; never waits.</summary>
    public static FileLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fd = open(path, ReadWriteCreateCloexec, 0x180);
        if (fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"open {path}");
        }

        if (flock(fd, LockExclusive | LockNonBlocking) == 0)
        {
            return new FileLock(fd);
        }

        close(fd);
        return null;
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            // Closing the last descriptor of the open file description releases the lock.
            close(fd);
        }
    }

    private static void Lock(int fd, string path)
    {
        while (flock(fd, LockExclusive) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                throw new Win32Exception(errno, $"flock {path}");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
