using Modular.Contracts.Network;
using Modular.Engine.Configuration;
using Modular.Engine.State;

namespace Modular.Engine.Networks;

/// <summary>
/// Which containers (in any state) name a network in their configuration, read from the
/// container database directly rather than through IContainerService, which will itself
/// depend on the network service. No database yet means no container uses anything.
/// </summary>
public sealed class NetworkUsage(EngineOptions options)
{
    private readonly ExistingContainerStore _existing = new(options);

    /// <summary>Network name or id to the ids of the containers that joined it.</summary>
    public async Task<IReadOnlyList<ContainerRecord>> ContainersAsync(CancellationToken cancellationToken)
    {
        var store = await _existing.OpenAsync(cancellationToken);
        return store is null ? [] : await store.ListAsync(cancellationToken);
    }

    public static bool Uses(ContainerRecord container, NetworkDefinition network) =>
        container.Config.Networks.Keys.Any(k => k == network.Name || k == network.Id);
}
