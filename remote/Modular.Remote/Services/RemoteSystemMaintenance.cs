using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Maintenance;

namespace Modular.Remote.Services;

/// <summary>ISystemMaintenance over /libpod/system/df and /libpod/system/prune.</summary>
public sealed class RemoteSystemMaintenance(LibpodClient libpod) : ISystemMaintenance
{
    public async Task<SystemDfReport> DiskUsageAsync(CancellationToken cancellationToken)
    {
        var node = await libpod.GetJsonAsync("libpod/system/df", cancellationToken);
        return node?.Deserialize<SystemDfReport>() ?? throw new BackendException("system df: empty answer");
    }

    public async Task<SystemPruneReport> PruneAsync(SystemPruneOptions options, CancellationToken cancellationToken)
    {
        var query = Filters.Query(options.Filters);
        query += (query.Length == 0 ? "?" : "&") + $"all={Word(options.All)}&volumes={Word(options.Volumes)}";
        var node = await libpod.PostJsonAsync("libpod/system/prune" + query, null, cancellationToken) as JsonObject
            ?? throw new BackendException("system prune: empty answer");
        return new SystemPruneReport(
            Ids(node["ContainerPruneReports"], "Id"),
            Ids(node["PodPruneReport"], "Id"),
            Ids(node["ImagePruneReports"], "Id"),
            Ids(node["NetworkPruneReports"], "Name"),
            Ids(node["VolumePruneReports"], "Id"),
            node["ReclaimedSpace"]?.GetValue<long>() ?? 0);
    }

    private static string Word(bool value) => value ? "true" : "false";

    private static List<string> Ids(JsonNode? reports, string key) =>
        [.. (reports as JsonArray ?? []).OfType<JsonObject>().Select(r => r[key]?.ToString() ?? "")];
}
