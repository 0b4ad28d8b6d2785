using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Containers.Diff;
using Modular.Engine.Containers.Export;

namespace Modular.Api.Shared;

/// <summary>
/// A container's file system in both trees: <c>changes</c> (what <c>diff</c> prints, as
/// Docker's Path/Kind objects) and <c>export</c> (a tar, as <c>modpod export</c> writes).
/// </summary>
public static class ContainerChangeRoutes
{
    public static void Map(WebApplication app)
    {
        foreach (var tree in new[] { "", "/libpod" })
        {
            app.MapGet(tree + "/containers/{name}/changes", ChangesAsync);
            app.MapGet(tree + "/containers/{name}/export", ExportAsync);
            app.MapGet(tree + "/containers/{*path:" + ChangesPathConstraint.Name + "}", SlashedChangesAsync);
        }
    }

    /// <summary>
    /// Clients ask for an image's changes by the container route too, its name's slashes
    /// escaped (localhost%2Fbusybox); decoded, only this catch-all still matches them.
    /// </summary>
    private static Task<IResult> SlashedChangesAsync(HttpContext http, CliContext cli, string path) =>
        ChangesAsync(http, cli, path[..^"/changes".Length]);

    /// <summary>GET /libpod/images/{name}/changes: the same handler, the name looked up as the engine does.</summary>
    public static Task<IResult> ImageChangesAsync(HttpContext http, string name) =>
        ChangesAsync(http, http.RequestServices.GetRequiredService<CliContext>(), name);

    /// <summary>
    /// Podman's one handler for both trees: Kind 0 changed, 1 added, 2 deleted; no
    /// change is null (Go's nil list); every failure, a missing name too, is 500.
    /// </summary>
    private static async Task<IResult> ChangesAsync(HttpContext http, CliContext cli, string name)
    {
        var diffType = http.Request.Query["diffType"].ToString();
        if (diffType is not ("" or "all" or "container" or "image"))
        {
            throw new ApiException(
                StatusCodes.Status400BadRequest, $"invalid diffType value \"{diffType}\"");
        }

        if (http.Request.Query["parent"].ToString().Length > 0)
        {
            // Limitation: the engine diffs a layer against the layers below it only.
            throw new ApiException(
                StatusCodes.Status400BadRequest, "parent: a diff against another layer is not supported");
        }

        var changes = await PodmanStatus.ServerErrorAsync(() => ChangesOfAsync(cli, name, diffType, http));
        if (changes.Count == 0)
        {
            return Results.Text("null\n", "application/json");
        }

        var list = new JsonArray();
        foreach (var change in changes)
        {
            list.Add(new JsonObject { ["Path"] = change.Path, ["Kind"] = KindNumber(change.Kind) });
        }

        return DockerJson.Result(list);
    }

    private static async Task<IReadOnlyList<FileChange>> ChangesOfAsync(
        CliContext cli,
        string name,
        string diffType,
        HttpContext http)
    {
        // The engine looks an image up first, then a container: "container" names only those.
        var target = diffType == "container"
            ? (await cli.Containers.ResolveAsync(name, http.RequestAborted)).Id
            : name;
        return await cli.Services.GetRequiredService<LayerChanges>().ForAsync(target, http.RequestAborted);
    }

    private static int KindNumber(char kind) => kind switch
    {
        'A' => 1,
        'D' => 2,
        _ => 0,
    };

    /// <summary>The tar streams as it is written; a missing container is 404 before any byte.</summary>
    private static async Task ExportAsync(HttpContext http, CliContext cli, string name)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        http.Response.ContentType = "application/x-tar";
        http.Response.StatusCode = StatusCodes.Status200OK;
        var exporter = cli.Services.GetRequiredService<ContainerExporter>();
        try
        {
            await exporter.ExportAsync(container.Id, http.Response.Body, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            throw new ApiException(
                StatusCodes.Status500InternalServerError, "failed to export container: " + e.Message, e.Message);
        }
    }
}
