using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;

namespace Modular.Remote.Services;

/// <summary>
/// IContainerResources over /libpod/containers/{name}/update and /libpod/containers/stats.
/// Sizes are parsed here, so a bad value fails with the local words before anything is sent;
/// the service applies Podman's rules to the limits as for a local update.
/// </summary>
public sealed class RemoteContainerResources(LibpodClient libpod, RemoteContainerService containers)
    : IContainerResources
{
    public async Task<ContainerInfo> UpdateAsync(
        string nameOrId,
        ResourceFlags flags,
        CancellationToken cancellationToken)
    {
        var body = UpdateBody.From(flags);
        var path = $"libpod/containers/{LibpodClient.Escape(nameOrId)}/update";
        using (await libpod.PostAsync(path, body, cancellationToken))
        {
        }

        return await containers.ResolveAsync(nameOrId, cancellationToken);
    }

    /// <summary>One reading (stream=false); the CLI links readings for CPU % over an interval.</summary>
    public async Task<IReadOnlyList<ContainerStatsSample>> SampleStatsAsync(
        IReadOnlyList<string> namesOrIds,
        bool all,
        CancellationToken cancellationToken)
    {
        var query = "?stream=false&all=" + ControlQuery.Flag(all)
            + string.Concat(namesOrIds.Select(n => "&containers=" + LibpodClient.Escape(n)));
        var report = await libpod.GetJsonAsync("libpod/containers/stats" + query, cancellationToken);
        if (report?["Error"] is JsonNode error && error.GetValueKind() != System.Text.Json.JsonValueKind.Null)
        {
            throw new BackendException(error["message"]?.ToString() ?? error.ToString());
        }

        return (report?["Stats"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(StatsJson.Sample)
            .ToList();
    }
}
