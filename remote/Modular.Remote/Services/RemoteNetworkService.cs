using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Contracts.Network;
using Modular.Engine.Networks;
using Modular.Engine.State;

namespace Modular.Remote.Services;

/// <summary>
/// INetworkService over /libpod/networks for the network commands (create, ls, inspect,
/// exists, rm, prune). Attaching containers is the service's own business and is refused here.
/// </summary>
public sealed class RemoteNetworkService(LibpodClient libpod) : INetworkService
{
    public string DefaultNetworkName => "podman";

    public async Task<NetworkDefinition> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken)
    {
        if (request.IgnoreExisting && request.Name is { } name && await ExistsAsync(name, cancellationToken))
        {
            return await ResolveAsync(name, cancellationToken);
        }

        var body = new JsonObject
        {
            ["name"] = request.Name ?? "",
            ["driver"] = request.Driver,
            ["network_interface"] = request.InterfaceName ?? "",
            ["subnets"] = Subnets(request),
            ["internal"] = request.Internal,
            ["dns_enabled"] = !request.DisableDns,
            ["ipv6_enabled"] = request.Ipv6,
            ["labels"] = Map(request.Labels),
            ["options"] = Map(request.Options),
        };
        var created = await libpod.PostJsonAsync("libpod/networks/create", body, cancellationToken) as JsonObject
            ?? throw new BackendException("network create: empty answer");
        return FromJson(created);
    }

    public Task<IReadOnlyList<NetworkDefinition>> ListAsync(CancellationToken cancellationToken) =>
        ListAsync([], cancellationToken);

    public async Task<IReadOnlyList<NetworkDefinition>> ListAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/networks/json" + Filters.Query(filters), cancellationToken);
        return (list as JsonArray ?? []).OfType<JsonObject>().Select(FromJson).ToList();
    }

    public async Task<NetworkDefinition> ResolveAsync(string nameOrId, CancellationToken cancellationToken) =>
        FromJson(await InspectAsync(nameOrId, cancellationToken));

    public async Task<bool> ExistsAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            using var _ = await libpod.GetAsync($"libpod/networks/{LibpodClient.Escape(nameOrId)}/exists", cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public async Task<JsonObject> InspectAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return await libpod.GetJsonAsync($"libpod/networks/{LibpodClient.Escape(nameOrId)}/json", cancellationToken) as JsonObject
                ?? throw new BackendException($"network inspect {nameOrId}: empty answer");
        }
        catch (NotFoundException e) when (e.Message.StartsWith($"network {nameOrId}: ", StringComparison.Ordinal))
        {
            // The API words it as Podman's does ("network X: cause"); the engine says the cause alone.
            throw new NotFoundException(e.Message[$"network {nameOrId}: ".Length..], e);
        }
    }

    public async Task<NetworkDefinition> RemoveAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var network = await ResolveAsync(nameOrId, cancellationToken);
        using var _ = await libpod.DeleteAsync($"libpod/networks/{LibpodClient.Escape(nameOrId)}", cancellationToken);
        return network;
    }

    public async Task<IReadOnlyList<string>> PruneAsync(
        IReadOnlyList<string> filters,
        CancellationToken cancellationToken)
    {
        var pruned = await libpod.PostJsonAsync("libpod/networks/prune" + Filters.Query(filters), null, cancellationToken);
        return (pruned as JsonArray ?? []).Select(item => item?["Name"]?.ToString() ?? "").ToList();
    }

    public Task<IReadOnlyList<string>> ContainersUsingAsync(NetworkDefinition network, CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public Task<NetworkSetupResult> AttachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public Task DetachAsync(
        string containerId,
        string containerName,
        string namespacePath,
        IReadOnlyDictionary<string, ContainerNetworkOptions> networks,
        IReadOnlyList<PortMapping> ports,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    public Task<IReadOnlyDictionary<string, NetworkStatus>> StatusAsync(
        string containerId,
        CancellationToken cancellationToken) =>
        throw RemoteServiceProvider.Unsupported();

    /// <summary>Podman's network JSON (snake_case keys) back into a definition.</summary>
    private static NetworkDefinition FromJson(JsonObject json) => new()
    {
        Name = json["name"]?.ToString() ?? "",
        Id = json["id"]?.ToString() ?? "",
        Driver = json["driver"]?.ToString() ?? "bridge",
        NetworkInterface = json["network_interface"]?.ToString() ?? "",
        Created = DateTimeOffset.TryParse(
            json["created"]?.ToString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var created)
            ? created
            : DateTimeOffset.UnixEpoch,
        Subnets = (json["subnets"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => new NetworkSubnet(s["subnet"]?.ToString() ?? "", s["gateway"]?.ToString()))
            .ToList(),
        Ipv6Enabled = Flag(json["ipv6_enabled"]),
        Internal = Flag(json["internal"]),
        DnsEnabled = Flag(json["dns_enabled"]),
        Labels = Pairs(json["labels"]),
        Options = Pairs(json["options"]),
        IpamOptions = Pairs(json["ipam_options"]),
    };

    private static JsonArray Subnets(NetworkCreateRequest request)
    {
        var subnets = request.Subnets ?? [];
        var gateways = request.Gateways ?? [];
        return new JsonArray(subnets.Select((subnet, i) => (JsonNode)new JsonObject
        {
            ["subnet"] = subnet,
            ["gateway"] = i < gateways.Count ? gateways[i] : null,
        }).ToArray());
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string>? values) =>
        new((values ?? new Dictionary<string, string>())
            .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));

    private static Dictionary<string, string> Pairs(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "");

    private static bool Flag(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
