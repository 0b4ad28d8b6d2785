using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Containers.Networking;
using Modular.Engine.Networks;
using Modular.Engine.State;

namespace Modular.Engine.Containers;

/// <summary>
/// The container side of <c>network rm -f</c>, <c>connect</c>, <c>disconnect</c> and
/// <c>reload</c>. A running container is rewired at once; a stopped one only has its
/// config changed, which its next start follows.
/// </summary>
public sealed partial class ContainerService : INetworkContainers
{
    public async Task<IReadOnlyList<string>> RemoveContainersUsingAsync(
        string networkName,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var removed = new List<string>();
        foreach (var record in await _store.ListAsync(cancellationToken))
        {
            if (record.Config.Networks.ContainsKey(networkName))
            {
                await RemoveAsync(record.Config.Id, force: true, timeoutSeconds, cancellationToken);
                removed.Add(record.Config.Id);
            }
        }

        return removed;
    }

    public async Task ConnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        NetworkConnectRequest request,
        CancellationToken cancellationToken)
    {
        var network = await Networks.ResolveAsync(networkNameOrId, cancellationToken);
        var id = (await FindAsync(containerNameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, containerNameOrId, cancellationToken);
        RefuseNonBridge(record.Config, "connect");
        if (record.Config.Networks.ContainsKey(network.Name))
        {
            // As Podman (for Docker's sake): connecting a container that is not running to
            // a network it already has is a no-op, the options ignored.
            if (!IsAttached(record))
            {
                return;
            }

            throw new AlreadyExistsException(
                $"container {id} is already connected to network {network.Name}: network is already connected");
        }

        var options = new ContainerNetworkOptions(
            NextInterfaceName(record.Config),
            request.StaticIps,
            request.StaticMac,
            request.Aliases);
        var single = new Dictionary<string, ContainerNetworkOptions> { [network.Name] = options };
        var config = record.Config with { Networks = new Dictionary<string, ContainerNetworkOptions>(record.Config.Networks) { [network.Name] = options } };
        if (IsAttached(record))
        {
            var result = await Networks.AttachAsync(
                id, config.Name, record.State.NetworkNamespacePath!, single, [], cancellationToken);
            var merged = new Dictionary<string, NetworkStatus>(record.State.Networks!);
            foreach (var (name, status) in result.Networks)
            {
                merged[name] = status;
            }

            await _store.UpdateStateAsync(id, record.State with { Networks = merged }, cancellationToken);
        }

        await _store.UpdateConfigAsync(config, cancellationToken);
    }

    public async Task DisconnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        bool force,
        CancellationToken cancellationToken)
    {
        var network = await Networks.ResolveAsync(networkNameOrId, cancellationToken);
        var id = (await FindAsync(containerNameOrId, cancellationToken)).Config.Id;
        await using var containerLock = await LockAsync(id, cancellationToken);
        var record = await ReloadLockedAsync(id, containerNameOrId, cancellationToken);
        RefuseNonBridge(record.Config, "disconnect");
        if (!record.Config.Networks.ContainsKey(network.Name))
        {
            throw new NotFoundException(
                $"container {id} is not connected to network {network.Name}: network is not connected");
        }

        var remaining = new Dictionary<string, ContainerNetworkOptions>(record.Config.Networks);
        remaining.Remove(network.Name);
        var config = record.Config with { Networks = remaining };
        if (IsAttached(record))
        {
            // Published ports are forwarded per network: detach everything, then wire the
            // remaining networks again at the addresses they had.
            await RewireAsync(record, config, cancellationToken);
        }

        await _store.UpdateConfigAsync(config, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReloadAsync(
        IReadOnlyList<string> containerNamesOrIds,
        bool all,
        CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var targets = all
            ? (await _store.ListAsync(cancellationToken)).Where(IsAttached).Select(r => r.Config.Id).ToList()
            : containerNamesOrIds.ToList();
        var reloaded = new List<string>();
        foreach (var target in targets)
        {
            var id = (await FindAsync(target, cancellationToken)).Config.Id;
            await using var containerLock = await LockAsync(id, cancellationToken);
            var record = await ReloadLockedAsync(id, target, cancellationToken);
            if (!IsAttached(record))
            {
                throw new WrongStateException(
                    $"container {record.Config.Name} is not running: container state improper");
            }

            await RewireAsync(record, record.Config, cancellationToken);
            reloaded.Add(id);
        }

        return reloaded;
    }

    private INetworkService Networks => _networks
        ?? throw new CapabilityMissingException("no network service is configured");

    private static bool IsAttached(ContainerRecord record) =>
        IsLive(record) && record.State.NetworkNamespacePath is not null;

    private static void RefuseNonBridge(ContainerConfig config, string command)
    {
        if (config.NetworkMode != NetworkSelection.Bridge)
        {
            throw new WrongStateException(
                $"network {command} is only supported for containers in bridge mode; "
                + $"{config.Name} uses \"{config.NetworkMode}\"");
        }
    }

    private static string NextInterfaceName(ContainerConfig config)
    {
        var used = config.Networks.Values.Select(options => options.InterfaceName).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, used.Count + 1).Select(index => $"eth{index}").First(name => !used.Contains(name));
    }

    private async Task RewireAsync(
        ContainerRecord record,
        ContainerConfig config,
        CancellationToken cancellationToken)
    {
        var path = record.State.NetworkNamespacePath!;
        await Networks.DetachAsync(
            record.Config.Id, record.Config.Name, path, record.Config.Networks, record.Config.PortMappings, cancellationToken);
        var keep = config.Networks.ToDictionary(
            pair => pair.Key,
            pair => KeepAddresses(pair.Value, record.State.Networks, pair.Key));
        var result = config.Networks.Count == 0
            ? new NetworkSetupResult(new Dictionary<string, NetworkStatus>())
            : await Networks.AttachAsync(
                config.Id, config.Name, path, keep, config.PortMappings, cancellationToken);
        await _store.UpdateStateAsync(record.Config.Id, record.State with { Networks = result.Networks }, cancellationToken);
    }

    private static ContainerNetworkOptions KeepAddresses(
        ContainerNetworkOptions options,
        IReadOnlyDictionary<string, NetworkStatus>? statuses,
        string name)
    {
        if (options.StaticIps.Count > 0 || statuses is null || !statuses.TryGetValue(name, out var status))
        {
            return options;
        }

        var addresses = status.Interfaces.SelectMany(nic => nic.Addresses)
            .Select(address => HostAddress.SplitCidr(address.Cidr).Address)
            .ToList();
        return options with { StaticIps = addresses };
    }
}
