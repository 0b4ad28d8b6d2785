using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Copy;

public sealed partial class ContainerCopier
{
    private const string NoSuchFile = "no such file or directory";

    private static ResolvedSource ResolveSource(CopyEndpoint source, string typed)
    {
        if (source.Root.Resolve(source.Path) is not { } resolved
            || source.Root.Stat(resolved) is not { } stat)
        {
            throw new NotFoundException(source.NotFound(typed, NoSuchFile));
        }

        var contentsOnly = stat.IsDirectory && (typed.EndsWith("/.", StringComparison.Ordinal) || typed == ".");
        return new ResolvedSource(resolved, stat.IsDirectory, contentsOnly);
    }

    private static CopyTarget ResolveDestination(CopyEndpoint destination, string typed, bool isStdin)
    {
        var root = destination.Root;
        if (root.Resolve(destination.Path) is { } resolved && root.Stat(resolved) is { } stat)
        {
            ValidateHost(destination, resolved, stat);
            var directory = stat.IsDirectory ? resolved : Parent(resolved);
            return new CopyTarget(directory, stat.IsDirectory, BaseName(resolved), ResolvedToParent: false);
        }

        if (typed.EndsWith('/'))
        {
            throw new NotFoundException(destination.NotFound(typed, NoSuchFile));
        }

        if (isStdin)
        {
            throw new InvalidInputException("destination must be a directory when copying from stdin");
        }

        // A symlink whose target is missing is not replaced by the copy (Podman refuses it too).
        if (!destination.IsHost && root.Stat(destination.Path, followLast: false) is { Type: FileStat.Symlink })
        {
            throw new NotFoundException(destination.NotFound(typed, NoSuchFile));
        }

        // Missing: it is created as the top entry's new name inside its parent, which must exist.
        var parent = Parent(destination.Path);
        if (root.Resolve(parent) is not { } resolvedParent || root.Stat(resolvedParent) is not { } parentStat)
        {
            throw new NotFoundException(destination.NotFound(typed, NoSuchFile));
        }

        if (!parentStat.IsDirectory)
        {
            throw new InvalidInputException(destination.NotFound(typed, "not a directory"));
        }

        return new CopyTarget(resolvedParent, true, BaseName(destination.Path), ResolvedToParent: true);
    }

    /// <summary>
    /// A running container's /etc/hosts (and the engine's other bound files) is a mount
    /// point: replacing it would only change the layer underneath, and the container would
    /// keep the old file. Podman's copier fails there with EBUSY; so does this, before writing.
    /// </summary>
    private static void RefuseBoundFile(CopyEndpoint destination, CopyTarget target, string? topName)
    {
        var written = target.IsDirectory && !target.ResolvedToParent
            ? (topName is null ? null : target.Directory.TrimEnd('/') + "/" + topName)
            : target.Directory.TrimEnd('/') + "/" + target.BaseName;
        if (written is not null && destination.BoundFile(written) is not null)
        {
            throw new WrongStateException($"unlinkat {written}: device or resource busy");
        }
    }

    /// <summary>On the host, cp writes into a directory or over a regular file only.</summary>
    private static void ValidateHost(CopyEndpoint destination, string resolved, FileStat stat)
    {
        if (destination.IsHost && stat.Type is not (FileStat.Directory or FileStat.Regular))
        {
            throw new InvalidInputException(
                $"invalid destination: \"{resolved}\" must be a directory or a regular file");
        }
    }

    private static string Parent(string path)
    {
        var relative = RootDirectory.Relative(path);
        var cut = relative.LastIndexOf('/');
        return cut < 0 ? "/" : "/" + relative[..cut];
    }
}
