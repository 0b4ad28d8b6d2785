using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>Docker's start, stop, kill and restart of one container.</summary>
public static class ContainerLifecycleRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/containers/{id}/start", StartAsync);
        app.MapPost("/containers/{id}/stop", StopAsync);
        app.MapPost("/containers/{id}/kill", KillAsync);
        app.MapPost("/containers/{id}/restart", RestartAsync);
    }

    private static async Task<IResult> StartAsync(HttpContext http, CliContext cli, PendingStarts pending, string id)
    {
        var token = http.RequestAborted;
        var container = await cli.Containers.ResolveAsync(id, token);
        if (container.State == "running")
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var handed = pending.TryHandOver(container.Id, out var started);
        if (handed)
        {
            // The attached start runs in the attach request; answer once it has begun.
            await started.WaitAsync(TimeSpan.FromSeconds(30), token);
            return Results.NoContent();
        }

        await cli.Containers.StartAsync(container.Id, token);
        return Results.NoContent();
    }

    private static async Task<IResult> StopAsync(HttpContext http, CliContext cli, string id)
    {
        var container = await cli.Containers.ResolveAsync(id, http.RequestAborted);
        if (container.State != "running")
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        await cli.Containers.StopAsync(container.Id, Timeout(http), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> KillAsync(HttpContext http, CliContext cli, string id)
    {
        var signal = http.Request.Query["signal"].ToString();
        await cli.Containers.KillAsync(id, signal.Length == 0 ? "KILL" : signal, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RestartAsync(HttpContext http, CliContext cli, string id)
    {
        var control = cli.Services.GetRequiredService<IContainerControl>();
        await control.RestartAsync(id, Timeout(http), http.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>Docker's <c>t</c>, and <c>timeout</c> as newer clients send it.</summary>
    private static int? Timeout(HttpContext http)
    {
        var value = http.Request.Query["t"].ToString();
        if (value.Length == 0)
        {
            value = http.Request.Query["timeout"].ToString();
        }

        return int.TryParse(value, out var seconds) ? seconds : null;
    }
}
