using System.Runtime.InteropServices;

namespace Modular.Engine.Containers;

/// <summary>This process's parent, read once.</summary>
internal static partial class ParentProcess
{
    public static int Id { get; } = getppid();

    [LibraryImport("libc")]
    private static partial int getppid();
}
