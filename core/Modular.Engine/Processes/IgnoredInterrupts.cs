using System.Runtime.InteropServices;

namespace Modular.Engine.Processes;

/// <summary>
/// A shell starts a background command (<c>modpod build ... &amp;</c>) with SIGINT and
/// SIGQUIT ignored, and .NET keeps an inherited "ignore" instead of installing its handler,
/// so Ctrl-C or <c>kill -INT</c> never reached the command's cancellation: a build went on
/// and committed. Go (Podman) takes the signal back when it asks for it; so does this,
/// called in Main before any signal registration. A handler already installed is left alone.
/// </summary>
public static partial class IgnoredInterrupts
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly IntPtr Ignore = 1;

    // glibc x86-64/arm64 struct sigaction: handler, 1024-bit mask, flags, restorer.
    private const int SigactionBytes = 8 + 128 + 8 + 8;

    public static void Restore()
    {
        foreach (var signal in new[] { SigInt, SigTerm })
        {
            RestoreDefault(signal);
        }
    }

    private static void RestoreDefault(int signal)
    {
        Span<byte> current = stackalloc byte[SigactionBytes];
        if (sigaction(signal, IntPtr.Zero, ref MemoryMarshal.GetReference(current)) != 0
            || MemoryMarshal.Read<IntPtr>(current) != Ignore)
        {
            return;
        }

        // All zero: SIG_DFL, empty mask, no flags.
        Span<byte> defaults = stackalloc byte[SigactionBytes];
        defaults.Clear();
        _ = sigaction(signal, ref MemoryMarshal.GetReference(defaults), IntPtr.Zero);
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int sigaction(int signal, IntPtr action, ref byte oldAction);

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int sigaction(int signal, ref byte action, IntPtr oldAction);
}
