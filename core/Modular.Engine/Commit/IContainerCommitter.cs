namespace Modular.Engine.Commit;

/// <summary><c>commit</c>: a container's changes become a new image.</summary>
public interface IContainerCommitter
{
    /// <summary>Returns the new image's id (hex).</summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such container.</exception>
    Task<string> CommitAsync(string nameOrId, CommitOptions options, CancellationToken cancellationToken);
}
