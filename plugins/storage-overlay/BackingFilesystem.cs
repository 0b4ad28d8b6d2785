using System.Buffers.Binary;
using Modular.Plugins.Storage.Overlay.Native;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>Names the filesystem under a directory, for <c>modpod info</c>'s GraphStatus.</summary>
internal static class BackingFilesystem
{
    private static readonly Dictionary<long, string> Names = new()
    {
        [0xEF53] = "extfs",
        [0x58465342] = "xfs",
        [0x9123683E] = "btrfs",
        [0x01021994] = "tmpfs",
        [0x794C7630] = "overlayfs",
        [0x2FC12FC1] = "zfs",
    };

    public static string Name(string path)
    {
        // struct statfs starts with f_type as a long on 64-bit Linux.
        var buffer = new byte[256];
        if (Libc.statfs(path, buffer) == -1)
        {
            return "unknown";
        }

        var type = BinaryPrimitives.ReadInt64LittleEndian(buffer);
        return Names.TryGetValue(type, out var name) ? name : $"0x{type:x}";
    }
}
