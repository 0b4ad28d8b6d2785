using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>/libpod/pods/stats and /libpod/pods/{name}/top, through <c>pod stats</c> and <c>pod top</c>.</summary>
public static class LibpodPodStatsRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/pods/stats", (Delegate)Stats);
        app.MapGet("/libpod/pods/{name}/top", Top);
    }

    /// <summary>One reading, or (stream=true) a reading every <c>delay</c> seconds until the client leaves.</summary>
    private static async Task Stats(HttpContext http)
    {
        var args = new List<string> { "pod", "stats", "--no-stream", "--format", "json" };
        args.AddRange(LibpodQuery.Bool(http, "all") ? ["--all"] : []);
        var names = http.Request.Query["namesOrIDs"].Select(n => n ?? "").ToList();
        args.AddRange(names);
        var stream = LibpodQuery.Bool(http, "stream");
        var delay = TimeSpan.FromSeconds(Math.Max(1, LibpodQuery.Int(http, "delay") ?? 5));
        do
        {
            var text = await ReadingAsync(http, args, names);
            if (!http.Response.HasStarted)
            {
                http.Response.ContentType = "application/json";
            }

            await http.Response.WriteAsync(text + "\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            if (stream)
            {
                await Task.Delay(delay, http.RequestAborted);
            }
        }
        while (stream && !http.RequestAborted.IsCancellationRequested);
    }

    private static async Task<string> ReadingAsync(HttpContext http, List<string> args, List<string> names)
    {
        var output = await CliBridge.RunAsync(http, args);
        if (output.Failure is NotFoundException)
        {
            var missing = names.FirstOrDefault() ?? "";
            throw new NotFoundException(
                $"unable to get list of pods: no pod with name or ID {missing} found: no such pod");
        }

        if (output.Failure is { } failure)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, failure.Message, failure.Message);
        }

        output.ThrowOnFailure();
        var list = string.IsNullOrWhiteSpace(output.Stdout) ? [] : JsonNode.Parse(output.Stdout) as JsonArray ?? [];
        return list.ToJsonString(LibpodJson.Relaxed);
    }

    /// <summary>Podman's top body: the ps titles and each process's fields, the last one whole.</summary>
    private static async Task<IResult> Top(string name, HttpContext http)
    {
        var (id, _) = await LibpodPodRoutes.PodAsync(http, name);
        var args = new List<string> { "pod", "top", id };
        var psArgs = http.Request.Query["ps_args"].ToString();
        args.AddRange(psArgs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var lines = (await CliBridge.OutputAsync(http, args))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Results.Json(TopTable.Parse(lines));
    }
}
