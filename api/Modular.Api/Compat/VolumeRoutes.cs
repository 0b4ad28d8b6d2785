using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
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
        var created = await volumes.CreateAsync(request, http.RequestAborted);
        return DockerJson.Result(Docker(volumes.ToJson(created)), StatusCodes.Status201Created);
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

    // The engine prunes anonymous volumes only unless the filter all=true says otherwise,
    // as Docker does from API 1.42 on.
    private static async Task<IResult> PruneAsync(HttpContext http, CliContext cli)
    {
        var filters = DockerFilters.Parse(http.Request.Query["filters"]);
        var removed = await Volumes(cli).PruneAsync(filters, http.RequestAborted);
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
