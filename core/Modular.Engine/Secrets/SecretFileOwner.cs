using System.Runtime.InteropServices;

namespace Modular.Engine.Secrets;

/// <summary>chown(2) for a secret's file: .NET has no managed call for it.</summary>
internal static partial class SecretFileOwner
{
    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, int uid, int gid);
}
