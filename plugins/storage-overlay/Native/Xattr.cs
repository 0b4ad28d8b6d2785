using System.Text;

namespace Modular.Plugins.Storage.Overlay.Native;

/// <summary>Extended attributes on paths, never following a final symlink.</summary>
internal static class Xattr
{
    public const string OverlayOpaque = "trusted.overlay.opaque";

    public static bool IsOpaque(string path)
    {
        var buffer = new byte[8];
        var n = Libc.lgetxattr(path, OverlayOpaque, buffer, (nuint)buffer.Length);
        return n == 1 && buffer[0] == (byte)'y';
    }

    public static void SetOpaque(string path) =>
        Set(path, OverlayOpaque, Encoding.ASCII.GetBytes("y"));

    /// <summary>Sets one attribute; a filesystem without xattr support is ignored.</summary>
    public static void Set(string path, string name, byte[] value)
    {
        if (Libc.lsetxattr(path, name, value, (nuint)value.Length, 0) == -1
            && Libc.LastError != Libc.EOPNOTSUPP)
        {
            Libc.Check(-1, "lsetxattr " + name, path);
        }
    }
}
