using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Libpod;

/// <summary>/libpod/containers: list, inspect, create and the lifecycle verbs.</summary>
public static class LibpodContainerRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/containers/json", (Delegate)List);
        app.MapPost("/libpod/containers/create", Create);
        app.MapGet("/libpod/containers/{name}/json", Inspect);
        app.MapGet("/libpod/containers/{name}/exists", Exists);
        app.MapPost("/libpod/containers/{name}/start", Start);
        app.MapPost("/libpod/containers/{name}/stop", Stop);
        app.MapPost("/libpod/containers/{name}/kill", Kill);
        app.MapPost("/libpod/containers/{name}/wait", Wait);
        app.MapDelete("/libpod/containers/{name}", Remove);
        LibpodContainerControlRoutes.Map(app);
        LibpodCheckpointRoutes.Map(app);
    }

    private static async Task<IResult> List(HttpContext http, CliContext cli)
    {
        var args = new List<string> { "ps", "--format", "json" };
        var limit = Limit(http);

        // A limit counts the most recent containers of any state, as in Podman.
        if (http.StrictFlag("all") || limit > 0)
        {
            args.Add("--all");
        }

        if (http.StrictFlag("size"))
        {
            args.Add("--size");
        }

        if (limit > 0)
        {
            args.AddRange(["--last", limit.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(QueryFilters.AsArguments(http));
        var text = await BridgedListAsync(http, args);
        var list = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonArray ?? [];
        var health = (await cli.Containers.ListAsync(true, http.RequestAborted))
            .ToDictionary(c => c.Id, c => c.HealthStatus);
        foreach (var container in list.OfType<JsonObject>())
        {
            // The CLI's JSON puts the human status and age here; the API's are the health
            // status and nothing (clients compose the rest from State and the times).
            container["Status"] = health.GetValueOrDefault(container["Id"]?.ToString() ?? "", "");
            container["CreatedAt"] = "";

            // The API's ListContainer carries Created as a time; the CLI prints Unix seconds.
            if (container["Created"] is JsonValue created && created.TryGetValue<long>(out var seconds))
            {
                container["Created"] = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
        }

        return LibpodJson.Body(list);
    }

    /// <summary><c>limit</c>, or <c>last</c> as older clients call it; 0 when absent.</summary>
    private static int Limit(HttpContext http)
    {
        var value = http.Request.Query["limit"].ToString();
        if (value.Length == 0)
        {
            value = http.Request.Query["last"].ToString();
        }

        return int.TryParse(value, out var limit) && limit > 0 ? limit : 0;
    }

    /// <summary>
    /// Podman answers a filter it cannot apply (an unknown status) with 500, the innermost
    /// error as the cause; the CLI's same failure is bad input.
    /// </summary>
    private static async Task<string> BridgedListAsync(HttpContext http, List<string> args)
    {
        try
        {
            return await CliBridge.OutputAsync(http, args);
        }
        catch (Exception e) when (ErrorMiddleware.StatusFor(e) == StatusCodes.Status400BadRequest)
        {
            var cause = e.Message[(e.Message.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
            throw new ApiException(StatusCodes.Status500InternalServerError, e.Message, cause);
        }
    }

    private static async Task<IResult> Create(HttpContext http, CliContext cli)
    {
        var spec = await GoBodyDecoder.ReadAsync(http, "decoding request body as JSON: ", SpecGeneratorSchema.Body);
        var (args, command) = SpecGeneratorArguments.From(spec);
        var output = await CliBridge.OutputAsync(http, args, command);
        var id = output.Trim().Split('\n')[^1];
        return Results.Json(new Dictionary<string, object> { ["Id"] = id, ["Warnings"] = Array.Empty<string>() },
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Inspect(string name, CliContext cli, HttpContext http) =>
        LibpodJson.Body(LibpodJson.ContainerInspectFor(http, await cli.Containers.InspectAsync(name, http.RequestAborted)));

    private static async Task<IResult> Exists(string name, CliContext cli, HttpContext http)
    {
        await cli.Containers.ResolveAsync(name, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> Start(
        string name,
        CliContext cli,
        PendingAttaches attaches,
        HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        if (container.State is "running")
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (!attaches.TryHandOver(container.Id, cli))
        {
            await cli.Containers.StartAsync(container.Id, http.RequestAborted);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> Stop(string name, CliContext cli, HttpContext http)
    {
        var container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        if (container.State is not ("running" or "paused"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        await cli.Containers.StopAsync(container.Id, Timeout(http), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> Kill(string name, CliContext cli, HttpContext http)
    {
        var signal = http.Request.Query["signal"].ToString();
        await cli.Containers.KillAsync(name, signal.Length == 0 ? "SIGKILL" : signal, http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> Wait(
        string name,
        CliContext cli,
        PendingAttaches attaches,
        HttpContext http)
    {
        ContainerInfo container;
        try
        {
            container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        }
        catch (Contracts.Errors.NotFoundException) when (attaches.TryExitCode(name, out var code))
        {
            return Results.Json(code);
        }
        catch (Contracts.Errors.NotFoundException) when (
            !http.Request.Query["condition"].Any(c => c?.Contains("running") == true)
            && RemovedExitCode(cli, name) is { } code)
        {
            return Results.Json(code);
        }

        var conditions = http.Request.Query["condition"].SelectMany(c => (c ?? "").Split(',')).ToList();
        if (conditions.Contains("running"))
        {
            await WaitRunningAsync(cli, container.Id, http.RequestAborted);
            return Results.Json(-1);
        }

        return Results.Json(await cli.Containers.WaitAsync(container.Id, http.RequestAborted));
    }

    /// <summary>
    /// A removed container's exit code, kept a few minutes as Podman keeps it: asked for by
    /// its full ID only (a name may already belong to another container).
    /// </summary>
    private static int? RemovedExitCode(CliContext cli, string id) =>
        id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? cli.Containers.RemovedExitCode(id) : null;

    private static async Task WaitRunningAsync(CliContext cli, string id, CancellationToken cancel)
    {
        while ((await cli.Containers.ResolveAsync(id, cancel)).State is not "running")
        {
            await Task.Delay(100, cancel);
        }
    }

    private static async Task<IResult> Remove(string name, CliContext cli, HttpContext http)
    {
        ContainerInfo container;
        try
        {
            container = await cli.Containers.ResolveAsync(name, http.RequestAborted);
        }
        catch (Contracts.Errors.NotFoundException) when (http.QueryFlag("ignore"))
        {
            return Results.Json(Array.Empty<object>());
        }

        var args = new List<string> { "rm" };
        args.AddRange(http.QueryFlag("force") ? ["--force"] : []);
        args.AddRange(http.QueryFlag("v") || http.QueryFlag("volumes") ? ["--volumes"] : []);
        if (Timeout(http) is { } seconds)
        {
            args.AddRange(["--time", seconds.ToString(CultureInfo.InvariantCulture)]);
        }

        args.Add(container.Id);
        await CliBridge.OutputAsync(http, args);
        return Results.Json(new[] { new Dictionary<string, object?> { ["Id"] = container.Id, ["Err"] = null } });
    }

    internal static int? Timeout(HttpContext http)
    {
        var text = http.Request.Query["timeout"].ToString();
        text = text.Length == 0 ? http.Request.Query["t"].ToString() : text;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The CLI's JSON output as the body; <paramref name="empty"/> when it printed nothing.</summary>
    internal static IResult JsonText(string text, string empty) =>
        Results.Text(string.IsNullOrWhiteSpace(text) ? empty : text, "application/json");
}
