using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Maintenance;

namespace Modular.Api.Libpod;

/// <summary>/libpod/system/df and /libpod/system/prune, over the engine's system maintenance.</summary>
public static class LibpodSystemDfRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/system/df", (Delegate)DiskUsage);
        app.MapPost("/libpod/system/prune", (Delegate)Prune);
    }

    private static ISystemMaintenance Maintenance(HttpContext http) =>
        http.RequestServices.GetRequiredService<CliContext>().Services.GetRequiredService<ISystemMaintenance>();

    /// <summary>Podman's SystemDfReport: the records' own field names are Podman's JSON keys.</summary>
    private static async Task<IResult> DiskUsage(HttpContext http)
    {
        var report = await Maintenance(http).DiskUsageAsync(http.RequestAborted);
        return LibpodJson.Body(JsonSerializer.SerializeToNode(report)!);
    }

    /// <summary>Podman's system prune: stopped containers, pods, networks, images and (volumes=true) volumes.</summary>
    private static async Task<IResult> Prune(HttpContext http)
    {
        var filters = QueryFilters.Parse(http).Select(p => p.Key + "=" + p.Value).ToList();
        var options = new SystemPruneOptions(
            LibpodQuery.Bool(http, "all"),
            LibpodQuery.Bool(http, "volumes"),
            filters);
        var report = await Maintenance(http).PruneAsync(options, http.RequestAborted);
        return LibpodJson.Body(new JsonObject
        {
            ["PodPruneReport"] = Reports(report.Pods, "Id", "Err"),
            ["ContainerPruneReports"] = Reports(report.Containers, "Id", "Err"),
            ["ImagePruneReports"] = Reports(report.Images, "Id", "Err"),
            ["NetworkPruneReports"] = Reports(report.Networks, "Name", "Error"),
            ["VolumePruneReports"] = Reports(report.Volumes, "Id", "Err"),
            ["ReclaimedSpace"] = report.ReclaimedSpace,
        });
    }

    private static JsonArray Reports(IReadOnlyList<string> ids, string idKey, string errorKey) =>
        new([.. ids.Select(id => (JsonNode)new JsonObject { [idKey] = id, [errorKey] = null, ["Size"] = 0 })]);
}
