namespace Modular.Engine.Containers;

/// <summary>
/// Which containers depend on a container (<c>rm --depend</c>, and the refusal of a plain
/// <c>rm</c>): those joining its namespaces through <c>--network</c>, <c>--ipc</c>,
/// <c>--pid</c>, <c>--uts</c> or <c>--cgroupns container:X</c>. Kept apart from
/// <see cref="IContainerService"/> so that contract keeps its shape.
/// </summary>
public interface IContainerDependents
{
    /// <summary>
    /// The full ids of the containers that must be removed before this one, the deepest
    /// dependents first and each once; empty when nothing depends on it.
    /// </summary>
    Task<IReadOnlyList<string>> DependentsAsync(string nameOrId, CancellationToken cancellationToken);
}
