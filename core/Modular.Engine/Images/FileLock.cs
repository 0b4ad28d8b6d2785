using System.Runtime.InteropServices;

namespace Modular.Engine.Images;

/// <summary>
/// An exclusive flock(2) on a lock file. flock locks belong to the open file description,
/// so two holders in one process exclude each other as two processes do; the lock goes
/// away with the descriptor if the process dies, which is why a killed pull never leaves
/// the store locked.
/// </summary>
public sealed partial class FileLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int Unlock = 8;

    private readonly FileStream _file;

    private FileLock(FileStream file) => _file = file;

    /// <summary>Blocks (on a pool thread) until the lock on <paramref name="path"/> is held.</summary>
    public static async Task<FileLock> AcquireAsync(
        string path,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
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
            const int eintr = 4;
            if (errno != eintr)
            {
                throw new IOException($"flock {file.Name}: errno {errno}");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);
}
