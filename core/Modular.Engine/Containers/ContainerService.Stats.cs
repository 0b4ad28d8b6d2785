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
                var record = await LookUpForStatsAsync(name, cancellationToken);
                RefuseWithoutCgroup(record);
                records.Add(record);
            }
        }
        else
        {
            // A container removed since the listing is simply not shown.
            foreach (var info in await ListAsync(all, cancellationToken))
            {
                // As Podman's stats of all, a container without a cgroup of its own is left out:
                // its processes live in the caller's cgroup, whose figures are not its own.
                if (await _store.FindAsync(info.Id, cancellationToken) is { } record
                    && !HasNoCgroup(record))
                {
                    records.Add(record);
                }
            }
        }

        return records.Select(StatsReader.Read).ToList();
    }

    /// <summary>Podman's refusal for stats and top of a <c>--cgroups disabled</c> container.</summary>
    private static void RefuseWithoutCgroup(ContainerRecord record)
    {
        if (HasNoCgroup(record))
        {
            throw new WrongStateException(
                $"cannot run top on container {record.Config.Id} as it did not create a cgroup: "
                + "this container does not have a cgroup");
        }
    }

    private static bool HasNoCgroup(ContainerRecord record) =>
        record.Config.Resources.CgroupsMode == "disabled";

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
