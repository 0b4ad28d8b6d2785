using System.Runtime.InteropServices;

namespace Modular.Engine.Images;

/// <summary>
/// An exclusive flock(2) on a lock file. flock locks belong to the open file description,
/// so two holders in one process exclude each other as two processes do; the lock goes
/// away with the descriptor if the process dies, which is why a killed pull never leaves
/// the store locked.
/// </summary>
/// <remarks>
/// The file is opened with open(2), not FileStream: on Unix FileStream takes its own
/// non-blocking flock to emulate FileShare, which fails at once ("being used by another
/// process") while another holder has our exclusive lock, instead of waiting for it.
/// </remarks>
public sealed partial class FileLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int Interrupted = 4;

    private int _fd;

    private FileLock(int fd) => _fd = fd;

    /// <summary>Blocks (on a pool thread) until the lock on <paramref name="path"/> is held.</summary>
    public static async Task<FileLock> AcquireAsync(
        string path,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fd = open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, Convert.ToInt32("600", 8));
        if (fd < 0)
        {
            throw new IOException($"opening lock file {path}: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            await Task.Run(() => Lock(fd, path), cancellationToken);
            return new FileLock(fd);
        }
        catch
        {
            _ = close(fd);
            throw;
        }
    }

    /// <summary>Closing the descriptor releases the lock.</summary>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = close(fd);
        }
    }

    private static void Lock(int fd, string path)
    {
        while (flock(fd, LockExclusive) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                throw new IOException($"locking {path}: errno {errno}");
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
