using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;

namespace Modular.Api.Libpod;

/// <summary>/libpod/pods: create, list, inspect, exists, remove and the lifecycle verbs.</summary>
public static class LibpodPodRoutes
{
    public static void Map(WebApplication app)
    {
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
        var spec = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)
            as JsonObject ?? [];
        var args = new List<string> { "pod", "create" };
        if (spec["name"]?.GetValue<string>() is { Length: > 0 } name)
        {
            args.AddRange(["--name", name]);
        }

        if (spec["hostname"]?.GetValue<string>() is { Length: > 0 } hostname)
        {
            args.AddRange(["--hostname", hostname]);
        }

        foreach (var (key, value) in spec["labels"] as JsonObject ?? [])
        {
            args.AddRange(["--label", key + "=" + value]);
        }

        args.AddRange(spec["no_infra"]?.GetValue<bool>() == true ? ["--infra=false"] : []);
        var id = (await CliBridge.OutputAsync(http, args)).Trim().Split('\n')[^1];
        return Results.Json(new Dictionary<string, string> { ["Id"] = id },
            statusCode: StatusCodes.Status201Created);
    }

    private static Task<IResult> List(HttpContext http) =>
        BridgedResource.ListAsync(http, "pod", "ps");

    private static Task<IResult> Inspect(string name, HttpContext http) =>
        BridgedResource.InspectAsync(http, "pod", name);

    private static Task<IResult> Exists(string name, HttpContext http) =>
        BridgedResource.ExistsAsync(
            http, "pod", name, $"no pod with name or ID {name} found: no such pod");

    private static async Task<IResult> Remove(string name, HttpContext http)
    {
        var id = await PodId(http, name);
        List<string> args = http.QueryFlag("force") ? ["pod", "rm", "--force", id] : ["pod", "rm", id];
        await CliBridge.OutputAsync(http, args);
        return Results.Json(new Dictionary<string, object?>
        {
            ["Err"] = null, ["Id"] = id, ["RemovedCtrs"] = new Dictionary<string, object?>(),
        });
    }

    private static async Task<IResult> Lifecycle(HttpContext http, string verb, string name)
    {
        var id = await PodId(http, name);
        var args = new List<string> { "pod", verb };
        if (verb == "kill" && http.Request.Query["signal"].ToString() is { Length: > 0 } signal)
        {
            args.AddRange(["--signal", signal]);
        }

        if (verb is "stop" or "restart" && LibpodContainerRoutes.Timeout(http) is { } seconds)
        {
            args.AddRange(["--time", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.Add(id);
        await CliBridge.OutputAsync(http, args);
        return Results.Json(new Dictionary<string, object?> { ["Errs"] = Array.Empty<string>(), ["Id"] = id });
    }

    private static async Task<string> PodId(HttpContext http, string name)
    {
        var text = await CliBridge.OutputAsync(http, ["pod", "inspect", name]);
        return JsonNode.Parse(LibpodJson.First(text))?["Id"]?.GetValue<string>() ?? name;
    }
}
