namespace Modular.Engine.Containers.Copy;

/// <summary>
/// rm -rf by descriptor: every directory is opened relative to its parent with O_NOFOLLOW,
/// so a symlink swapped in while removing is unlinked, never descended into.
/// </summary>
internal static class TreeRemover
{
    public static void Remove(Descriptor parent, string name)
    {
        var flags = Syscalls.OpenDirectory | Syscalls.OpenNoFollow | Syscalls.OpenCloseOnExec;
        var fd = Syscalls.OpenAt(parent.Value, name, flags, 0);
        if (fd >= 0)
        {
            using var directory = new Descriptor(fd);
            foreach (var child in directory.List().ToList())
            {
                if (Syscalls.Stat(fd, child, follow: false) is { IsDirectory: true })
                {
                    Remove(directory, child);
                }
                else
                {
                    Syscalls.Check(Syscalls.UnlinkAt(fd, child, 0), child);
                }
            }
        }

        Syscalls.Check(Syscalls.UnlinkAt(parent.Value, name, fd >= 0 ? Syscalls.AtRemoveDir : 0), name);
    }
}
