using Modular.Contracts.Errors;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService : IContainerDependents
{
    public async Task<IReadOnlyList<string>> DependentsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var target = (await FindAsync(nameOrId, cancellationToken)).Config;
        var records = await _store.ListAsync(cancellationToken);
        var order = new List<string>();
        Collect(target, records, order, [target.Id]);
        return order;
    }

    /// <summary>Depth first: a dependent's own dependents come before it.</summary>
    private static void Collect(
        ContainerConfig target,
        IReadOnlyList<ContainerRecord> records,
        List<string> order,
        HashSet<string> seen)
    {
        foreach (var dependent in DirectDependents(target, records))
        {
            if (seen.Add(dependent.Id))
            {
                Collect(dependent, records, order, seen);
                order.Add(dependent.Id);
            }
        }
    }

    private static IEnumerable<ContainerConfig> DirectDependents(
        ContainerConfig target,
        IReadOnlyList<ContainerRecord> records) =>
        records.Select(record => record.Config)
            .Where(config => config.Id != target.Id
                && Dependencies(config).Any(other => other == target.Id || other == target.Name));

    /// <summary>Podman's refusal to remove a container others still join (libpod's ErrCtrExists).</summary>
    private async Task RefuseDependedOnAsync(ContainerConfig config, CancellationToken cancellationToken)
    {
        var records = await _store.ListAsync(cancellationToken);
        var dependents = DirectDependents(config, records).Select(dependent => dependent.Id).ToList();
        if (dependents.Count > 0)
        {
            throw new AlreadyExistsException(
                $"container {config.Id} has dependent containers which must be removed before it: "
                + $"{string.Join(", ", dependents)}: container already exists");
        }
    }
}
