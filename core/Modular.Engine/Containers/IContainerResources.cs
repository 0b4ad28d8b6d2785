using Modular.Engine.Containers.Resources;

namespace Modular.Engine.Containers;

/// <summary>
/// Resource limits after create and the usage they bound: <c>update</c> and <c>stats</c>.
/// Kept apart from <see cref="IContainerService"/>, whose shape other parts implement.
/// </summary>
public interface IContainerResources
{
    /// <summary>
    /// Changes the limits of a container: a running one through the runtime's
    /// <c>update --resources</c>, and the stored config in every state so the next start
    /// keeps them. Flags not given keep their value.
    /// </summary>
    /// <exception cref="Contracts.Errors.NotFoundException">No such container.</exception>
    /// <exception cref="Contracts.Errors.InvalidInputException">A bad or contradictory value.</exception>
    Task<ContainerInfo> UpdateAsync(string nameOrId, ResourceFlags flags, CancellationToken cancellationToken);

    /// <summary>
    /// One reading of the cgroup counters of each named container (all running ones when
    /// <paramref name="namesOrIds"/> is empty; with <paramref name="all"/> the stopped ones
    /// too, with zero usage). Unknown names throw; the order follows the names given.
    /// </summary>
    Task<IReadOnlyList<ContainerStatsSample>> SampleStatsAsync(
        IReadOnlyList<string> namesOrIds,
        bool all,
        CancellationToken cancellationToken);
}
