namespace Modular.Engine.Containers.Diff;

/// <summary><c>diff</c>: what a container's (or an image's) top layer changed.</summary>
public interface ILayerChanges
{
    /// <exception cref="Contracts.Errors.NotFoundException">No such image or container.</exception>
    Task<IReadOnlyList<FileChange>> ForAsync(string nameOrId, CancellationToken cancellationToken);
}
