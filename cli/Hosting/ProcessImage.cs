using System.Runtime.InteropServices;
using Modular.Contracts.Errors;

namespace Modular.Cli.Hosting;

/// <summary>Replaces this process with another program (execv), keeping its PID.</summary>
public static partial class ProcessImage
{
    /// <summary>Runs <paramref name="path"/> with <paramref name="args"/>; returns only on failure.</summary>
    public static CannotInvokeException Replace(string path, IReadOnlyList<string> args)
    {
        string?[] argv = [path, .. args, null];
        Execv(path, argv);
        var errno = Marshal.GetLastPInvokeError();
        return new CannotInvokeException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8,
        SetLastError = true)]
    private static partial int Execv(string path, string?[] argv);
}
