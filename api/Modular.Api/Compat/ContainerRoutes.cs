using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Api.Compat;

/// <summary>Docker's container list, create, inspect and remove.</summary>
public static class ContainerRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/containers/json", ListAsync);
        app.MapPost("/containers/create", CreateAsync);
        app.MapGet("/containers/{id}/json", InspectAsync);
        app.MapDelete("/containers/{id}", RemoveAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, CliContext cli)
    {
        var token = http.RequestAborted;
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        _ = int.TryParse(http.Request.Query["limit"], out var limit);

        // Docker counts a limit over containers of every state.
        var all = http.QueryFlag("all") || limit > 0
            || filters.Any(f => f.StartsWith("status=", StringComparison.Ordinal));
        var containers = await cli.Containers.ListAsync(all, token);
        var keep = await PsFilters.BuildAsync(cli, filters, containers, token);
        IEnumerable<ContainerInfo> selected = containers.Where(keep).Where(c => !c.IsInfra)
            .OrderByDescending(c => c.Created);
        if (limit > 0)
        {
            selected = selected.Take(limit);
        }

        var list = new JsonArray();
        foreach (var c in selected)
        {
            var inspect = await TryInspectAsync(cli, c.Id, token);
            var entry = DockerContainerJson.ListEntry(c, inspect);
            if (DockerListHealth.Applies(http))
            {
                entry["Health"] = DockerListHealth.For(c, inspect);
            }

            list.Add(entry);
        }

        return DockerJson.Result(list);
    }

    private static async Task<JsonObject?> TryInspectAsync(CliContext cli, string id, CancellationToken token)
    {
        try
        {
            return await cli.Containers.InspectAsync(id, token);
        }
        catch (NotFoundException)
        {
            return null; // Removed while listing (a --rm container exiting).
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CliContext cli)
    {
        var body = await GoBodyDecoder.ReadAsync(http, "decoding request body as JSON: ", DockerCreateSchema.Body);
        var request = DockerCreateBody.ToRequest(body, http.Request.Query["name"]) with
        {
            // Docker's create never pulls: the client asks for the image after a 404.
            Pull = PullPolicyMode.Never,
        };
        if (string.IsNullOrEmpty(request.Image))
        {
            throw new InvalidInputException("config.Image: image name is required");
        }

        await CreatePlatform.RequireAsync(http, cli, request.Image);
        BindSources.CreateMissing(body);
        var created = await DockerCreateCall.CreateAsync(cli, request, http.RequestAborted);
        DockerConsoleSize.Seed(http, body, created.Id);
        return DockerJson.Result(
            new JsonObject { ["Id"] = created.Id, ["Warnings"] = new JsonArray() },
            StatusCodes.Status201Created);
    }

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string id)
    {
        var podman = await cli.Containers.InspectAsync(id, http.RequestAborted);
        return DockerJson.Result(DockerContainerJson.Inspect(podman));
    }

    private static async Task<IResult> RemoveAsync(HttpContext http, CliContext cli, string id)
    {
        // v= (anonymous volumes) follows the engine's removal, which drops them with the container.
        await cli.Containers.RemoveAsync(id, http.QueryFlag("force"), null, http.RequestAborted);
        return Results.NoContent();
    }
}
