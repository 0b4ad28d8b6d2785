namespace Modular.Engine.Volumes;

/// <summary>Paths inside a container's root filesystem, seen from the host.</summary>
public static class RootfsPaths
{
    /// <summary>
    /// The host path of directory <paramref name="path"/> in <paramref name="rootfs"/>, or null
    /// when it is missing, not a directory, or reached through a symlink. Copy-up reads from
    /// here as root, so an image's symlink must never lead it to a host directory.
    /// </summary>
    public static string? ResolveDirectory(string rootfs, string path)
    {
        var current = rootfs;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..")
            {
                return null;
            }

            current = Path.Combine(current, part);
            var info = new DirectoryInfo(current);
            if (!info.Exists || info.LinkTarget is not null)
            {
                return null;
            }
        }

        return current;
    }
}
