using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// POST /containers/prune and /libpod/containers/prune: the CLI's <c>container prune</c>,
/// answered in each tree's shape. Only prune's own filters are taken; a list filter
/// (name, id, network ...) is Podman's 500 "KEY is an invalid filter".
/// </summary>
public static class ContainerPruneRoutes
{
    private static readonly string[] PruneFilters = ["label", "label!", "until"];

    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/prune", (Delegate)CompatAsync);
        app.MapPost("/libpod/containers/prune", (Delegate)LibpodAsync);
    }

    private static async Task<IResult> CompatAsync(HttpContext http)
    {
        var ids = await PruneAsync(http);
        var deleted = ids.Count == 0 ? null : new JsonArray(ids.Select(id => (JsonNode?)id).ToArray());
        return Results.Json(new JsonObject { ["ContainersDeleted"] = deleted, ["SpaceReclaimed"] = 0 });
    }

    private static async Task<IResult> LibpodAsync(HttpContext http)
    {
        var ids = await PruneAsync(http);
        var reports = ids.Select(id => (JsonNode?)new JsonObject { ["Id"] = id, ["Size"] = 0 });
        return Results.Json(new JsonArray(reports.ToArray()));
    }

    private static async Task<List<string>> PruneAsync(HttpContext http)
    {
        var args = new List<string> { "container", "prune", "--force" };
        foreach (var (key, value) in QueryFilters.Parse(http))
        {
            if (!PruneFilters.Contains(key))
            {
                var message = key + " is an invalid filter";
                throw new ApiException(StatusCodes.Status500InternalServerError, message, message);
            }

            args.AddRange(["--filter", key + "=" + value]);
        }

        var output = await CliBridge.OutputAsync(http, args);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }
}
