using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Copy;

public sealed partial class ContainerCopier
{
    /// <summary>
    /// The status of <paramref name="path"/> in a container, the last component not followed
    /// (a symlink reports where it leads). Resolved as cp resolves it: inside the
    /// container's root, onto volumes and the engine's bound files.
    /// </summary>
    /// <exception cref="NotFoundException">No such container or no such path.</exception>
    public async Task<ContainerPathStat> StatAsync(
        string container,
        string path,
        CancellationToken cancellationToken)
    {
        await using var mounts = new CopyMounts(containers, layers);
        var endpoint = await mounts.EndpointAsync(container, path, reading: true, cancellationToken);
        if (endpoint.Root.Stat(endpoint.Path, followLast: false) is not { } stat)
        {
            throw new NotFoundException(endpoint.NotFound(path, NoSuchFile));
        }

        // Podman's clients (podman-remote cp) take linkTarget as the resolved path of any
        // file, not only of a symlink, and copy into it; Docker's read it for symlinks only.
        var link = stat.Type == FileStat.Symlink
            ? endpoint.Root.Resolve(endpoint.Path) ?? ""
            : await AbsoluteAsync(container, path, cancellationToken);
        var trimmed = endpoint.Path.TrimEnd('/');
        var name = trimmed.Length == 0 ? "/" : Path.GetFileName(trimmed);
        return new ContainerPathStat(name, stat.Size, stat.Mode, stat.Modified, link);
    }

    /// <summary>The typed path in the container, absolute: a relative one starts at the working dir.</summary>
    private async Task<string> AbsoluteAsync(string container, string path, CancellationToken cancellationToken)
    {
        var absolute = path.StartsWith('/')
            ? path
            : (WorkingDir(await containers.InspectAsync(container, cancellationToken)) ?? "/") + "/" + path;
        return "/" + RootDirectory.Relative(absolute);
    }
}
