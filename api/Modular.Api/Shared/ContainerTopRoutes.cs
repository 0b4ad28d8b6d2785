using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Engine.Containers;

namespace Modular.Api.Shared;

/// <summary>
/// GET /containers/{id}/top and /libpod/containers/{name}/top: the engine's <c>top</c>
/// table as Docker's {"Titles":[...],"Processes":[[...]]}. <c>ps_args</c> are the
/// descriptors; the Docker tree defaults to ps's "-ef", as Docker and Podman do.
/// </summary>
public static class ContainerTopRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/containers/{name}/top", (Delegate)CompatAsync);
        app.MapGet("/libpod/containers/{name}/top", (Delegate)LibpodAsync);
    }

    private static Task<IResult> CompatAsync(string name, CliContext cli, HttpContext http) =>
        TopAsync(name, cli, http, "-ef");

    private static Task<IResult> LibpodAsync(string name, CliContext cli, HttpContext http) =>
        TopAsync(name, cli, http, "");

    private static async Task<IResult> TopAsync(
        string name,
        CliContext cli,
        HttpContext http,
        string defaultArguments)
    {
        var raw = http.Request.Query["ps_args"].ToString();
        var descriptors = (raw.Length == 0 ? defaultArguments : raw)
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var control = cli.Services.GetRequiredService<IContainerControl>();
        ContainerProcessTable table;
        try
        {
            table = await control.TopAsync(name, descriptors, http.RequestAborted);
        }
        catch (Contracts.Errors.BackendException e) when (e.Message.StartsWith("ps(1) failed", StringComparison.Ordinal))
        {
            // Podman's error wraps nothing: its cause is the whole text, ps's words included.
            throw new Http.ApiException(StatusCodes.Status500InternalServerError, e.Message, e.Message);
        }

        // ps(1)'s output comes as whole lines: split them into cells as Podman does.
        var whole = table.Headers.Count == 1;
        var headers = whole ? Words(table.Headers[0]) : table.Headers;
        var titles = new JsonArray(headers.Select(h => (JsonNode?)h).ToArray());
        var processes = new JsonArray(table.Rows
            .Select(row => (JsonNode?)new JsonArray(Cells(whole && row.Count == 1 ? Words(row[0]) : row, headers.Count)))
            .ToArray());
        return Results.Json(new JsonObject { ["Titles"] = titles, ["Processes"] = processes });
    }

    private static string[] Words(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A command split into words past the last title is one cell, as Docker's.</summary>
    private static JsonNode?[] Cells(IReadOnlyList<string> row, int titles)
    {
        var cells = row.Take(Math.Max(titles - 1, 0)).ToList();
        if (row.Count >= titles && titles > 0)
        {
            cells.Add(string.Join(' ', row.Skip(titles - 1)));
        }

        return cells.Select(c => (JsonNode?)c).ToArray();
    }
}
