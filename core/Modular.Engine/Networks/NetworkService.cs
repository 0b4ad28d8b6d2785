using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Configuration;
using Modular.Engine.Events;
using Modular.Engine.Locking;

namespace Modular.Engine.Networks;

/// <summary>
/// The engine's networks: definitions through the backend plugin (loaded on first use),
/// the synthesized default network, address leases and attachment status in
/// <see cref="LeaseStore"/>, all writes under one network lock file (runroot/locks/network.lock)
/// so concurrent modpod processes never hand out one address or one bridge twice.
/// </summary>
public sealed partial class NetworkService : INetworkService
{
    private readonly EngineOptions _options;
    private readonly NetworkBackendProvider _backends;
    private readonly NetworkPlanner _planner;
    private readonly NetworkUsage _usage;
    private readonly LeaseStore _leases;
    private readonly IEventLog? _events;
    private readonly ILogger<NetworkService> _logger;

    public NetworkService(
        EngineOptions options,
        NetworkBackendProvider backends,
        IHostInterfaces host,
        NetworkUsage usage,
        ILogger<NetworkService> logger,
        IEventLog? events = null)
    {
        _options = options;
        _backends = backends;
        _planner = new NetworkPlanner(options.Networking, host);
        _usage = usage;
        _leases = new LeaseStore(backends.RunDirectory);
        _events = events;
        _logger = logger;
    }

    public string DefaultNetworkName => _options.Networking.DefaultNetwork;

    /// <summary>The lease database, for leak checks in tests.</summary>
    public LeaseStore Leases => _leases;

    private string LockPath => Path.Combine(new LockPaths(_options.RunRoot).Directory, "network.lock");

    public async Task<IReadOnlyList<NetworkDefinition>> ListAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken);

    public async Task<IReadOnlyList<NetworkDefinition>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var filter = NetworkFilter.Parse(filters, DateTimeOffset.UtcNow);
        var networks = (await LoadAsync(cancellationToken)).Where(filter.Matches).ToList();
        if (filter.Dangling is { } dangling)
        {
            var used = await UsedNamesAsync(networks, cancellationToken);
            networks = [.. networks.Where(n => used.Contains(n.Name) != dangling)];
        }

        return networks;
    }

    public async Task<NetworkDefinition> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        Find(await LoadAsync(cancellationToken), nameOrId);

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveAsync(nameOrId, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var network = await ResolveAsync(nameOrId, cancellationToken);
        var attached = await _leases.AttachedToAsync(network.Name, cancellationToken);
        return NetworkJson.ToInspectJson(network, attached);
    }

    public async Task<IReadOnlyList<string>> ContainersUsingAsync(
        NetworkDefinition network,
        CancellationToken cancellationToken)
    {
        var containers = await _usage.ContainersAsync(cancellationToken);
        return [.. containers.Where(c => NetworkUsage.Uses(c, network)).Select(c => c.Config.Id)];
    }

    public async Task<IReadOnlyDictionary<string, NetworkStatus>> StatusAsync(
        string containerId,
        CancellationToken cancellationToken)
    {
        var attached = await _leases.AttachmentsOfAsync(containerId, cancellationToken);
        return attached.ToDictionary(a => a.Network, a => a.Status, StringComparer.Ordinal);
    }

    /// <summary>
    /// By exact name first, then by unique id prefix, as Podman's getNetwork does.
    /// </summary>
    public static NetworkDefinition Find(IReadOnlyList<NetworkDefinition> networks, string nameOrId)
    {
        var byName = networks.FirstOrDefault(n => n.Name == nameOrId);
        if (byName is not null)
        {
            return byName;
        }

        var byId = networks.Where(n => n.Id.StartsWith(nameOrId, StringComparison.Ordinal)).Take(2).ToList();
        return byId.Count switch
        {
            1 => byId[0],
            0 => throw new NotFoundException(
                $"unable to find network with name or ID {nameOrId}: network not found"),
            _ => throw new InvalidInputException($"more than one result for network ID {nameOrId}"),
        };
    }

    /// <summary>Every definition the backend has, plus the default network when no file defines it.</summary>
    private async Task<List<NetworkDefinition>> LoadAsync(CancellationToken cancellationToken)
    {
        var backend = await _backends.GetAsync(cancellationToken);
        var networks = (await backend.LoadNetworksAsync(cancellationToken))
            .Where(n => NetworkNames.IsValid(n.Name))
            .ToList();
        if (!networks.Any(n => n.Name == DefaultNetworkName))
        {
            networks.Add(_planner.DefaultNetwork(DateTimeOffset.UtcNow));
        }

        return [.. networks.OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    // The default network counts as used: it can be neither pruned nor listed as dangling.
    private async Task<HashSet<string>> UsedNamesAsync(
        IReadOnlyList<NetworkDefinition> networks,
        CancellationToken cancellationToken)
    {
        var containers = await _usage.ContainersAsync(cancellationToken);
        var used = networks.Where(n => containers.Any(c => NetworkUsage.Uses(c, n))).Select(n => n.Name).ToHashSet();
        used.Add(DefaultNetworkName);
        return used;
    }
}
