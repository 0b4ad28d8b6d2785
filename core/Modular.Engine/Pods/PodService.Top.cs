using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Top;
using Modular.Engine.State;

namespace Modular.Engine.Pods;

public sealed partial class PodService
{
    /// <summary>
    /// <c>pod top</c>: the processes of every running container of the pod, the infra first,
    /// with the descriptors <c>top</c> knows (words or comma-separated). Unlike <c>top</c>
    /// there is no ps(1) fallback: Podman's pod top refuses an unknown descriptor.
    /// </summary>
    public async Task<ContainerProcessTable> TopAsync(
        string nameOrId,
        IReadOnlyList<string> descriptors,
        CancellationToken cancellationToken)
    {
        var view = await GetAsync(nameOrId, cancellationToken);
        var names = descriptors
            .SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var columns = ProcessDescriptors.TryResolve(names)
            ?? throw new InvalidInputException($"'{FirstUnknown(names)}': unknown descriptor");
        var records = (await _containerRecords.ListAsync(cancellationToken)).ToDictionary(r => r.Config.Id);
        var sources = view.Containers
            .Where(member => member.Status == ContainerStatus.Running && records.ContainsKey(member.Id))
            .Select(member => records[member.Id].State)
            .Where(state => state.Pid > 0)
            .Select(state => new ProcessTable.Source(state.Pid, state.MountPoint))
            .ToList();
        if (sources.Count == 0)
        {
            throw new WrongStateException(
                $"no containers running in pod {view.Config.Id}: container state improper");
        }

        return ProcessTable.Build(sources, columns, DateTimeOffset.UtcNow);
    }

    private static string FirstUnknown(IReadOnlyList<string> names) =>
        names.First(name => ProcessDescriptors.TryResolve([name]) is null);
}
