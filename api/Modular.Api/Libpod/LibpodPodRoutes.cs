using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>/libpod/pods: create, list, inspect, exists, remove and the lifecycle verbs.</summary>
public static class LibpodPodRoutes
{
    public static void Map(WebApplication app)
    {
        LibpodPodStatsRoutes.Map(app);
        app.MapPost("/libpod/pods/create", (Delegate)Create);
        app.MapGet("/libpod/pods/json", (Delegate)List);
        app.MapGet("/libpod/pods/{name}/json", Inspect);
        app.MapGet("/libpod/pods/{name}/exists", Exists);
        app.MapDelete("/libpod/pods/{name}", Remove);
        foreach (var verb in new[] { "start", "stop", "kill", "restart", "pause", "unpause" })
        {
            app.MapPost("/libpod/pods/{name}/" + verb, (string name, HttpContext http) => Lifecycle(http, verb, name));
        }
    }

    private static async Task<IResult> Create(HttpContext http)
    {
        var spec = await RequestBody.ReadObjectAsync(http);
        var args = PodSpecArguments.From(spec);
        var id = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        return Results.Json(new Dictionary<string, string> { ["Id"] = id },
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A filters parameter that does not decode is 400 here (500 in the other lists).</summary>
    private static async Task<IResult> List(HttpContext http)
    {
        try
        {
            return await BridgedResource.ListAsync(http, "pod", "ps");
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status500InternalServerError)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, e.Message, e.Cause);
        }
    }

    private static Task<IResult> Inspect(string name, HttpContext http) =>
        BridgedResource.InspectAsync(http, "pod", name);

    private static Task<IResult> Exists(string name, HttpContext http) =>
        BridgedResource.ExistsAsync(
            http, "pod", name, $"no pod with name or ID {name} found: no such pod");

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        var (id, _) = await PodAsync(http, name);
        var force = LibpodQuery.Bool(http, "force");
        List<string> args = force ? ["pod", "rm", "--force", id] : ["pod", "rm", id];
        var output = await CliBridge.RunAsync(http, args);
        if (output.ExitCode != 0)
        {
            // Podman: a member that will not go fails the whole removal with 500.
            var message = output.Failure?.Message ?? output.Stderr.Trim().Replace("Error: ", "", StringComparison.Ordinal);
            throw new ApiException(StatusCodes.Status500InternalServerError, message, "removing pod containers");
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["Err"] = null, ["Id"] = id, ["RemovedCtrs"] = new Dictionary<string, object?>(),
        });
    }

    private static async Task<IResult> Lifecycle(HttpContext http, string verb, string name)
    {
        var timeout = verb is "stop" or "restart" ? LibpodQuery.Int(http, "t") : null;
        var (id, state) = await PodAsync(http, name);

        // Podman answers 304 when the pod already is where the verb would take it.
        if ((verb == "start" && state == "Running") || (verb == "stop" && state is "Exited" or "Stopped"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var args = new List<string> { "pod", verb };
        if (verb == "kill" && http.Request.Query["signal"].ToString() is { Length: > 0 } signal)
        {
            args.AddRange(["--signal", signal]);
        }

        if (timeout is { } seconds)
        {
            args.AddRange(["--time", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.Add(id);
        await CliBridge.OutputAsync(http, args);
        return Results.Json(new Dictionary<string, object?> { ["Errs"] = null, ["Id"] = id });
    }

    /// <summary>The pod's full ID and state; Podman's 404 text when there is no such pod.</summary>
    internal static async Task<(string Id, string State)> PodAsync(HttpContext http, string name)
    {
        var output = await CliBridge.RunAsync(http, ["pod", "inspect", name]);
        if (output.ExitCode != 0)
        {
            throw new NotFoundException($"no pod with name or ID {name} found: no such pod");
        }

        var pod = JsonNode.Parse(LibpodJson.First(output.Stdout));
        return (pod?["Id"]?.GetValue<string>() ?? name, pod?["State"]?.GetValue<string>() ?? "");
    }
}
