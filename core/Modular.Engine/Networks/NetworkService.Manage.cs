using Modular.Contracts.Errors;
using Modular.Contracts.Hooks;
using Modular.Contracts.Network;
using Modular.Engine.Locking;

namespace Modular.Engine.Networks;

public sealed partial class NetworkService
{
    public async Task<NetworkDefinition> CreateAsync(
        NetworkCreateRequest request,
        CancellationToken cancellationToken)
    {
        using var held = await FileLock.AcquireAsync(LockPath, cancellationToken);
        var existing = await LoadAsync(cancellationToken);
        if (request.IgnoreExisting && existing.FirstOrDefault(n => n.Name == request.Name) is { } found)
        {
            return found;
        }

        var network = _planner.Plan(request, existing, DateTimeOffset.UtcNow);
        var backend = await _backends.GetAsync(cancellationToken);
        await backend.WriteNetworkAsync(network, cancellationToken);
        await RecordAsync("create", network, cancellationToken);
        return network;
    }

    public async Task<NetworkDefinition> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        using var held = await FileLock.AcquireAsync(LockPath, cancellationToken);
        var network = Find(await LoadAsync(cancellationToken), nameOrId);
        if (network.Name == DefaultNetworkName)
        {
            // Podman exits 125 here, not 2: the default network is refused, not in use.
            throw new InvalidInputException($"default network {DefaultNetworkName} cannot be removed");
        }

        if ((await ContainersUsingAsync(network, cancellationToken)).Count > 0)
        {
            throw new WrongStateException(
                $"\"{nameOrId}\" has associated containers with it. "
                + "Use -f to forcibly delete containers and pods: network is being used");
        }

        await DeleteAsync(network, cancellationToken);
        return network;
    }

    public async Task<IReadOnlyList<string>> PruneAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var filter = NetworkFilter.Parse(filters, DateTimeOffset.UtcNow, prune: true);
        using var held = await FileLock.AcquireAsync(LockPath, cancellationToken);
        var networks = (await LoadAsync(cancellationToken)).Where(filter.Matches).ToList();
        var used = await UsedNamesAsync(networks, cancellationToken);

        var removed = new List<string>();
        foreach (var network in networks.Where(n => !used.Contains(n.Name)))
        {
            await DeleteAsync(network, cancellationToken);
            removed.Add(network.Name);
        }

        return removed;
    }

    // Leases first: a definition without leases is harmless, leases without one are a leak.
    private async Task DeleteAsync(NetworkDefinition network, CancellationToken cancellationToken)
    {
        await _leases.ForgetNetworkAsync(network.Name, cancellationToken);
        var backend = await _backends.GetAsync(cancellationToken);
        await backend.DeleteNetworkAsync(network, cancellationToken);
        await RecordAsync("remove", network, cancellationToken);
    }

    // Podman's network events: Type network, the network's id and name, its driver.
    private async Task RecordAsync(string status, NetworkDefinition network, CancellationToken cancellationToken)
    {
        if (_events is null)
        {
            return;
        }

        var attributes = new Dictionary<string, string> { ["driver"] = network.Driver };
        var engineEvent = new EngineEvent("network", status, network.Id, network.Name, DateTimeOffset.UtcNow, attributes);
        try
        {
            await _events.AppendAsync(engineEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.EventNotRecorded(_logger, status, network.Name, e.Message);
        }
    }
}
