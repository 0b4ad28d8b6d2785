using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;

namespace Modular.Remote.Services;

/// <summary>
/// The container side of the network verbs over the service: connect and disconnect go to
/// /libpod/networks/{name}/connect|disconnect, rm -f removes the network's containers
/// first. Reload is local only in Podman, so the remote client refuses it as podman-remote.
/// </summary>
public sealed class RemoteNetworkContainers(LibpodClient libpod) : INetworkContainers
{
    public async Task<IReadOnlyList<string>> RemoveContainersUsingAsync(
        string networkName,
        int? timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var id in await ContainersOnAsync(networkName, cancellationToken))
        {
            var query = "?force=true" + (timeoutSeconds is { } t
                ? "&timeout=" + t.ToString(CultureInfo.InvariantCulture)
                : "");
            using var _ = await libpod.DeleteAsync($"libpod/containers/{id}{query}", cancellationToken);
            removed.Add(id);
        }

        return removed;
    }

    public async Task ConnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        NetworkConnectRequest request,
        CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["container"] = containerNameOrId,
            ["aliases"] = new JsonArray([.. request.Aliases.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["static_ips"] = new JsonArray([.. request.StaticIps.Select(ip => (JsonNode)JsonValue.Create(ip))]),
        };
        if (request.StaticMac is { } mac)
        {
            body["static_mac"] = mac;
        }

        using var _ = await libpod.PostAsync(NetworkPath(networkNameOrId, "connect"), body, cancellationToken);
    }

    public async Task DisconnectAsync(
        string networkNameOrId,
        string containerNameOrId,
        bool force,
        CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["Container"] = containerNameOrId, ["Force"] = force };
        using var _ = await libpod.PostAsync(NetworkPath(networkNameOrId, "disconnect"), body, cancellationToken);
    }

    /// <summary>Podman's words for a local-only (ABI mode) command run by a remote client.</summary>
    public Task<IReadOnlyList<string>> ReloadAsync(
        IReadOnlyList<string> containerNamesOrIds,
        bool all,
        CancellationToken cancellationToken) =>
        throw new CapabilityMissingException(
            "cannot use command \"modpod network reload\" with the remote modpod client");

    private static string NetworkPath(string network, string verb) =>
        $"libpod/networks/{LibpodClient.Escape(network)}/{verb}";

    /// <summary>Ids of the containers whose inspect lists the network.</summary>
    private async Task<List<string>> ContainersOnAsync(string networkName, CancellationToken cancellationToken)
    {
        var list = await libpod.GetJsonAsync("libpod/containers/json?all=true", cancellationToken) as JsonArray ?? [];
        var ids = new List<string>();
        foreach (var id in list.Select(entry => entry?["Id"]?.ToString()).OfType<string>())
        {
            var inspect = await libpod.GetJsonAsync($"libpod/containers/{id}/json", cancellationToken);
            if (inspect?["NetworkSettings"]?["Networks"] is JsonObject networks && networks.ContainsKey(networkName))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
