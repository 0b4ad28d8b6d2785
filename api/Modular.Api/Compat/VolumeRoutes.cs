using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Volumes;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's /volumes: list, create, inspect, remove, prune, over the engine's volume service.
/// </summary>
public static class VolumeRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/volumes", ListAsync);
        app.MapPost("/volumes/create", CreateAsync);
        app.MapPost("/volumes/prune", PruneAsync);
        app.MapGet("/volumes/{name}", InspectAsync);
        app.MapDelete("/volumes/{name}", RemoveAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, CliContext cli)
    {
        var volumes = Volumes(cli);
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        if (filters.Any(f => f.StartsWith("opt=", StringComparison.Ordinal)))
        {
            // Podman's words: opt is its own filter, not Docker's.
            throw new InvalidOperationException(
                "unsupported libpod filters passed to docker endpoint");
        }

        var list = new JsonArray();
        foreach (var volume in await volumes.ListAsync(filters, http.RequestAborted))
        {
            list.Add(Docker(volumes.ToJson(volume)));
        }

        return DockerJson.Result(
            new JsonObject { ["Volumes"] = list, ["Warnings"] = new JsonArray() });
    }

    // Docker answers a create of an existing name with that volume (201), not a conflict.
    private static async Task<IResult> CreateAsync(HttpContext http, CliContext cli)
    {
        var body = await DockerBody.ReadAsync(http);
        var name = body["Name"]?.GetValue<string>();
        var request = new VolumeCreateRequest(
            Name: string.IsNullOrEmpty(name) ? null : name,
            Driver: body["Driver"]?.GetValue<string>() is { Length: > 0 } driver ? driver : null,
            Labels: Pairs(body["Labels"]),
            Options: Pairs(body["DriverOpts"]),
            IgnoreExisting: true,
            Anonymous: string.IsNullOrEmpty(name));
        var volumes = Volumes(cli);
        var existed = request.Name is { } given && await volumes.ExistsAsync(given, http.RequestAborted);
        var created = await volumes.CreateAsync(request, http.RequestAborted);
        var json = Docker(volumes.ToJson(created));

        // Podman's compat create answers a new volume's options as it stored them: none
        // given is null, while an existing volume (and inspect) answer a copy, {}.
        if (!existed && request.Options is not { Count: > 0 })
        {
            json["Options"] = null;
        }

        return DockerJson.Result(json, StatusCodes.Status201Created);
    }

    private static async Task<IResult> InspectAsync(
        HttpContext http,
        CliContext cli,
        string name) =>
        DockerJson.Result(Docker(await Volumes(cli).InspectAsync(name, http.RequestAborted)));

    // Docker's force means "no error for a missing volume", not Podman's "remove its users".
    private static async Task<IResult> RemoveAsync(HttpContext http, CliContext cli, string name)
    {
        try
        {
            await Volumes(cli).RemoveAsync(name, false, null, http.RequestAborted);
        }
        catch (NotFoundException) when (http.QueryFlag("force"))
        {
        }

        return Results.NoContent();
    }

    // As Podman's compat prune: no filter prunes anonymous volumes only; any filter picks
    // among every unused volume, named too. Podman's all=true also drops the other
    // filters (every unused volume goes); here they still apply, as in Docker, so
    // `docker volume prune -a --filter label=x` keeps what the label does not name.
    // A filter prune refuses is 500, as Podman answers it.
    private static async Task<IResult> PruneAsync(HttpContext http, CliContext cli)
    {
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        var rest = VolumePruneFilters.WithoutAll(filters);
        IReadOnlyList<string> chosen = rest.Length > 0 || VolumePruneFilters.AllRequested(filters)
            ? [.. rest, "all=true"]
            : [];
        IReadOnlyList<string> removed;
        try
        {
            removed = await Volumes(cli).PruneAsync(chosen, http.RequestAborted);
        }
        catch (InvalidInputException e)
        {
            throw new ApiException(
                StatusCodes.Status500InternalServerError,
                $"failed to parse filters for {string.Join('&', filters)}: {e.Message}",
                e.Message);
        }

        return DockerJson.Result(new JsonObject
        {
            ["VolumesDeleted"] = new JsonArray(
                [.. removed.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["SpaceReclaimed"] = 0,
        });
    }

    /// <summary>Docker's volume object: Podman's inspect keys Docker also has.</summary>
    private static JsonObject Docker(JsonObject podman)
    {
        var json = new JsonObject();
        string[] keys = ["CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope"];
        foreach (var key in keys)
        {
            json[key] = podman[key]?.DeepClone();
        }

        // Docker's (and Podman's compat) CreatedAt is RFC 3339 to the second.
        if (podman["CreatedAt"]?.GetValue<string>() is { } created
            && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, out var time))
        {
            json["CreatedAt"] = time.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return json;
    }

    private static List<string> Pairs(JsonNode? node) =>
        (node as JsonObject ?? []).Select(p => $"{p.Key}={p.Value?.GetValue<string>()}").ToList();

    private static IVolumeService Volumes(CliContext cli) =>
        cli.Services.GetRequiredService<IVolumeService>();
}
