using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;
using Modular.Engine.Pods;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/containers/{name}/healthcheck (one run of the check, answered with
/// define.HealthCheckResults) and POST /libpod/pods/prune (a report per removed pod), as
/// Podman's handlers: 404 for a missing container, 409 for one stopped or without a check.
/// </summary>
public static class LibpodHealthPruneRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/containers/{name}/healthcheck", HealthcheckAsync);
        app.MapPost("/libpod/pods/prune", (Delegate)PrunePodsAsync);
    }

    private static async Task<IResult> HealthcheckAsync(string name, CliContext cli, HttpContext http)
    {
        var health = cli.Services.GetRequiredService<IContainerHealth>();
        var status = await health.RunHealthCheckAsync(name, http.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["Status"] = status,
            ["FailingStreak"] = 0,
            ["Log"] = null,
        });
    }

    private static async Task<IResult> PrunePodsAsync(CliContext cli, HttpContext http)
    {
        var pods = cli.Services.GetRequiredService<IPodService>();
        var removed = await pods.PruneAsync(http.RequestAborted);
        var reports = removed.Select(id => (JsonNode?)new JsonObject { ["Err"] = null, ["Id"] = id });
        return Results.Json(new JsonArray([.. reports]));
    }
}
