using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Modular.Engine.Locking;

/// <summary>
/// An exclusive flock(2) on a lock file, held until disposed. flock locks belong to the
/// open file description, so two modpod processes (or two opens in one) exclude each other,
/// and the kernel drops the lock when a killed process's descriptor closes.
/// </summary>
public sealed partial class FileLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int Unlock = 8;
    private const int Interrupted = 4;

    private readonly FileStream _file;

    private FileLock(FileStream file) => _file = file;

    /// <summary>Blocks until the lock on <paramref name="path"/> is held.</summary>
    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            // flock blocks the calling thread; run it off the caller's thread so async callers stay
            // responsive. Cancellation cannot interrupt a blocked flock; it is checked before.
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Run(() => Lock(file), cancellationToken);
            return new FileLock(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        _ = flock((int)_file.SafeFileHandle.DangerousGetHandle(), Unlock);
        _file.Dispose();
    }

    private static void Lock(FileStream file)
    {
        var fd = (int)file.SafeFileHandle.DangerousGetHandle();
        while (flock(fd, LockExclusive) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                throw new Win32Exception(errno, $"flock {file.Name}");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);
}
