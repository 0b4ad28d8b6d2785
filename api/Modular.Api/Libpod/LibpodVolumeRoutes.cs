using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Errors;

namespace Modular.Api.Libpod;

/// <summary>/libpod/volumes: create, list, inspect, exists, remove, prune.</summary>
public static class LibpodVolumeRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/volumes/create", (Delegate)Create);
        app.MapGet("/libpod/volumes/json", (Delegate)List);
        app.MapPost("/libpod/volumes/prune", (Delegate)Prune);
        app.MapGet("/libpod/volumes/{name}/json", Inspect);
        app.MapGet("/libpod/volumes/{name}/exists", Exists);
        app.MapDelete("/libpod/volumes/{name}", Remove);
    }

    private static async Task<IResult> Create(HttpContext http)
    {
        var body = await RequestBody.ReadObjectAsync(http);
        var args = new List<string> { "volume", "create" };
        if (body.Text("Driver") is { Length: > 0 } driver)
        {
            args.AddRange(["--driver", driver]);
        }

        foreach (var key in new[] { "Label", "Labels" })
        {
            foreach (var (name, value) in body[key] as JsonObject ?? [])
            {
                args.AddRange(["--label", name + "=" + value]);
            }
        }

        foreach (var (name, value) in body["Options"] as JsonObject ?? [])
        {
            args.AddRange(["--opt", name + "=" + value]);
        }

        if (body.Text("Name") is { Length: > 0 } volume)
        {
            args.Add(volume);
        }

        // Podman's libpod create answers every failure, a taken name too, with 500.
        var output = await CliBridge.RunAsync(http, args);
        if (output.Failure is { } failure)
        {
            throw ServerError(failure);
        }

        output.ThrowOnFailure();
        var created = output.Stdout.Trim().Split('\n')[^1];
        var inspect = await CliBridge.OutputAsync(http, ["volume", "inspect", created]);
        return Results.Text(LibpodJson.First(inspect), "application/json", null, StatusCodes.Status201Created);
    }

    private static Task<IResult> List(HttpContext http) =>
        BridgedResource.ListAsync(http, "volume", "ls");

    private static Task<IResult> Inspect(string name, HttpContext http) =>
        BridgedResource.InspectAsync(http, "volume", name);

    private static Task<IResult> Exists(string name, HttpContext http) =>
        BridgedResource.ExistsAsync(
            http, "volume", name, $"no volume with name \"{name}\" found: no such volume");

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        List<string> args = http.QueryFlag("force") ? ["volume", "rm", "--force", name] : ["volume", "rm", name];
        await CliBridge.OutputAsync(http, args);
        return Results.NoContent();
    }

    private static async Task<IResult> Prune(HttpContext http)
    {
        var args = new List<string> { "volume", "prune", "--force" };
        var filters = QueryFilters.AsArguments(http);
        args.AddRange(filters);

        // Podman's API prunes only anonymous volumes when no filter is given; any filter
        // picks among all unused ones, named too (its NormalizeVolumePruneFilters).
        args.AddRange(filters.Count > 0 && !filters.Any(f => f.StartsWith("all=", StringComparison.Ordinal))
            ? ["--all"]
            : []);
        var output = await CliBridge.RunAsync(http, args);
        if (output.Failure is { } failure)
        {
            throw ServerError(failure); // A filter prune refuses is 500 in Podman, not 400.
        }

        output.ThrowOnFailure();
        var names = output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Results.Json(names.Select(n => new Dictionary<string, object?> { ["Id"] = n, ["Size"] = 0 }));
    }

    private static ApiException ServerError(Exception failure)
    {
        var message = ErrorMapper.MessageFor(failure);
        return new ApiException(
            StatusCodes.Status500InternalServerError, message, ErrorMiddleware.InnermostCause(message));
    }
}
