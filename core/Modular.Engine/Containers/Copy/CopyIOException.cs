namespace Modular.Engine.Containers.Copy;

/// <summary>A failed system call during cp, with its errno, phrased as Go's syscall errors are.</summary>
internal sealed class CopyIOException(int errno, string path)
    : IOException($"{path}: {Syscalls.Describe(errno)}")
{
    public const int NoEntry = 2;
    public const int Exists = 17;
    public const int NotDirectory = 20;

    public int Errno { get; } = errno;

    public string Reason => Syscalls.Describe(Errno);
}
