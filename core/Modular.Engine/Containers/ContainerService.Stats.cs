using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    public async Task<IReadOnlyList<ContainerStatsSample>> SampleStatsAsync(
        IReadOnlyList<string> namesOrIds,
        bool all,
        CancellationToken cancellationToken)
    {
        var records = new List<ContainerRecord>();
        if (namesOrIds.Count > 0)
        {
            foreach (var name in namesOrIds)
            {
                records.Add(await LookUpForStatsAsync(name, cancellationToken));
            }
        }
        else
        {
            // A container removed since the listing is simply not shown.
            foreach (var info in await ListAsync(all, cancellationToken))
            {
                if (await _store.FindAsync(info.Id, cancellationToken) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return records.Select(StatsReader.Read).ToList();
    }

    // Podman's wording when a named container is missing.
    private async Task<ContainerRecord> LookUpForStatsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await RefreshOrThrowAsync(name, cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new NotFoundException(
                $"unable to get list of containers: unable to look up container {name}: {e.Message}", e);
        }
    }
}
