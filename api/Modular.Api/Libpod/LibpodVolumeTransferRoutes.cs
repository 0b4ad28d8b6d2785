using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Volumes;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/volumes/{name}/export (the volume's content as a tar) and POST
/// /libpod/volumes/{name}/import (a tar body unpacked into it, 204), as Podman 5 serves
/// them for podman-remote's volume export and import.
/// </summary>
public static class LibpodVolumeTransferRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/volumes/{name}/export", ExportAsync);
        app.MapPost("/libpod/volumes/{name}/import", ImportAsync);
    }

    /// <summary>A missing volume is 404 before any byte; then the tar streams as written.</summary>
    private static async Task ExportAsync(HttpContext http, CliContext cli, string name)
    {
        var volumes = Volumes(cli);
        await volumes.InspectAsync(name, http.RequestAborted);
        http.Response.ContentType = "application/x-tar";
        http.Response.StatusCode = StatusCodes.Status200OK;
        try
        {
            await volumes.ExportAsync(name, http.Response.Body, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            throw ServerError(e);
        }
    }

    private static async Task<IResult> ImportAsync(HttpContext http, CliContext cli, string name)
    {
        var volumes = Volumes(cli);
        await volumes.InspectAsync(name, http.RequestAborted);
        try
        {
            await volumes.ImportAsync(name, http.Request.Body, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Podman answers any failure to unpack the body with 500.
            throw ServerError(e);
        }

        return Results.NoContent();
    }

    private static ApiException ServerError(Exception e)
    {
        var message = ErrorMapper.MessageFor(e);
        return new ApiException(StatusCodes.Status500InternalServerError, message, message);
    }

    private static IVolumeService Volumes(CliContext cli) =>
        cli.Services.GetRequiredService<IVolumeService>();
}
