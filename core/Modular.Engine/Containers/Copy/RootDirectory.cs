namespace Modular.Engine.Containers.Copy;

/// <summary>
/// A directory treated as "/" for every lookup below it: the container's mounted root file
/// system, or the host's own "/". Lookups go through openat2(2) with RESOLVE_IN_ROOT, so
/// absolute symlinks and ".." stop at this directory the way filepath-securejoin evaluates
/// them, and the kernel does it atomically: a running container that swaps a path component
/// for a symlink mid-copy cannot lead the lookup out.
/// </summary>
internal sealed class RootDirectory : IDisposable
{
    private readonly Descriptor _root;

    private RootDirectory(Descriptor root, string hostPath)
    {
        _root = root;
        HostPath = hostPath;
    }

    /// <summary>Where the root sits on the host, as the kernel names it.</summary>
    public string HostPath { get; }

    public static RootDirectory Open(string hostPath)
    {
        var flags = Syscalls.OpenPath | Syscalls.OpenDirectory | Syscalls.OpenCloseOnExec;
        var fd = Syscalls.Check(Syscalls.OpenAt(-100, hostPath, flags, 0), hostPath);
        var real = File.ResolveLinkTarget($"/proc/self/fd/{fd}", false)?.FullName ?? hostPath;
        return new RootDirectory(new Descriptor(fd), real);
    }

    /// <summary>Opens <paramref name="path"/> below the root; throws <see cref="CopyIOException"/>.</summary>
    public Descriptor Open(string path, int flags)
    {
        var relative = Relative(path);
        var fd = Syscalls.OpenInRoot(_root.Value, relative.Length == 0 ? "." : relative, flags);
        return new Descriptor(Syscalls.Check(fd, "/" + relative));
    }

    /// <summary>Opens the directory that holds <paramref name="path"/> and returns the last name.</summary>
    public (Descriptor Parent, string Name) OpenParent(string path, int flags)
    {
        var clean = Relative(path);
        var cut = clean.LastIndexOf('/');
        var parent = cut < 0 ? "" : clean[..cut];
        var name = cut < 0 ? clean : clean[(cut + 1)..];
        return (Open(parent, flags | Syscalls.OpenDirectory), name.Length == 0 ? "." : name);
    }

    /// <summary>The status of the path with every symlink followed inside the root, or null.</summary>
    public FileStat? Stat(string path, bool followLast = true)
    {
        var flags = Syscalls.OpenPath | (followLast ? 0 : Syscalls.OpenNoFollow);
        var fd = Syscalls.OpenInRoot(_root.Value, Relative(path) is { Length: > 0 } r ? r : ".", flags);
        if (fd < 0)
        {
            return null;
        }

        using var descriptor = new Descriptor(fd);
        return Syscalls.Stat(fd, "", follow: false);
    }

    /// <summary>
    /// The path with every symlink evaluated inside the root, as an absolute in-root path
    /// ("/etc/hosts"), or null when some component does not exist.
    /// </summary>
    public string? Resolve(string path)
    {
        var fd = Syscalls.OpenInRoot(_root.Value, Relative(path) is { Length: > 0 } r ? r : ".", Syscalls.OpenPath);
        if (fd < 0)
        {
            return null;
        }

        using var descriptor = new Descriptor(fd);
        var host = File.ResolveLinkTarget($"/proc/self/fd/{fd}", false)?.FullName ?? "";
        return InRoot(host);
    }

    private string InRoot(string hostPath)
    {
        if (HostPath == "/")
        {
            return hostPath;
        }

        return hostPath.Length <= HostPath.Length ? "/" : hostPath[HostPath.Length..];
    }

    /// <summary>
    /// The path relative to the root without "." and empty parts. ".." stays for the kernel
    /// to evaluate after the symlink before it, as securejoin does; at the top it stays there.
    /// </summary>
    public static string Relative(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));

    /// <summary>A tar entry's name cleaned lexically, ".." above the top clamped to the top.</summary>
    public static string Clean(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    public void Dispose() => _root.Dispose();
}
