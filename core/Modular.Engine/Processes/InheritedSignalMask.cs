using System.Runtime.InteropServices;

namespace Modular.Engine.Processes;

/// <summary>
/// Clears the signal mask this process inherited. conmon starts its exit command
/// (<c>modpod container cleanup</c>) with SIGCHLD blocked, and a blocked mask survives
/// exec: .NET then never learns that a child such as <c>runc delete</c> exited, the child
/// stays a zombie, and the cleanup waits forever while holding the container's lock.
/// Called first thing in Main, before the runtime starts threads of its own for us, so
/// every thread created afterwards inherits the empty mask.
/// </summary>
public static partial class InheritedSignalMask
{
    private const int SetMask = 2;

    // glibc's sigset_t is 1024 bits; an all-zero set unblocks every signal.
    private const int SigsetBytes = 128;

    public static void Clear()
    {
        Span<byte> empty = stackalloc byte[SigsetBytes];
        empty.Clear();
        _ = pthread_sigmask(SetMask, ref MemoryMarshal.GetReference(empty), IntPtr.Zero);
    }

    [LibraryImport("libc")]
    private static partial int pthread_sigmask(int how, ref byte set, IntPtr oldSet);
}
