using Modular.Contracts.Errors;
using Modular.Engine.Containers.Copy;

namespace Modular.Remote.Services;

/// <summary>
/// Where a copy lands in a remote container, decided by the rules a local cp applies (an
/// existing directory takes the tree inside it, a missing name is created in its existing
/// parent), each path's status asked of the service.
/// </summary>
internal sealed class RemoteDestination(RemoteArchive archive, string container)
{
    private const string NoSuchFile = "no such file or directory";

    public async Task<CopyTarget> ResolveAsync(string typed, CancellationToken cancellationToken)
    {
        if (await FollowedAsync(typed, cancellationToken) is { } existing)
        {
            var (resolved, isDirectory) = existing;
            return isDirectory
                ? new CopyTarget(resolved, true, ContainerCopier.NameOf(resolved), ResolvedToParent: false)
                : new CopyTarget(Parent(resolved), false, ContainerCopier.NameOf(resolved), ResolvedToParent: false);
        }

        if (typed.EndsWith('/'))
        {
            throw new NotFoundException(NotFound(typed, NoSuchFile));
        }

        var parent = Parent(typed);
        if (await FollowedAsync(parent, cancellationToken) is not { } parentStat)
        {
            throw new NotFoundException(NotFound(typed, NoSuchFile));
        }

        if (!parentStat.IsDirectory)
        {
            throw new InvalidInputException(NotFound(typed, "not a directory"));
        }

        return new CopyTarget(parentStat.Resolved, true, ContainerCopier.NameOf(typed), ResolvedToParent: true);
    }

    /// <summary>A path's resolved name and type; null when it, or a symlink's target, is missing.</summary>
    private async Task<(string Resolved, bool IsDirectory)?> FollowedAsync(
        string path,
        CancellationToken cancellationToken)
    {
        if (await archive.StatAsync(container, path, cancellationToken) is not { } stat)
        {
            return null;
        }

        if (!stat.IsSymlink)
        {
            return (path, stat.IsDirectory);
        }

        if (stat.LinkTarget.Length == 0
            || await archive.StatAsync(container, stat.LinkTarget, cancellationToken) is not { } target)
        {
            return null;
        }

        return (stat.LinkTarget, target.IsDirectory);
    }

    private string NotFound(string typed, string reason) =>
        $"\"{typed}\" could not be found on container {container}: {reason}";

    private static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        return cut < 0 ? "." : cut == 0 ? "/" : trimmed[..cut];
    }
}
