namespace Modular.Engine.Containers.Export;

/// <summary><c>export</c>: a container's root file system as a flat tar.</summary>
public interface IContainerExporter
{
    /// <exception cref="Contracts.Errors.NotFoundException">No such container.</exception>
    Task ExportAsync(string nameOrId, Stream output, CancellationToken cancellationToken);
}
