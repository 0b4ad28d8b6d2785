using System.Runtime.InteropServices;

namespace Modular.Engine.Configuration;

/// <summary>The effective user id, read through libc: .NET has no API for it.</summary>
internal static partial class NativeUser
{
    public static bool IsRoot() => geteuid() == 0;

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
