using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Images;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's image routes. Names hold slashes (localhost/busybox), so one catch-all route
/// per method takes /images/NAME/ACTION apart (json, history, get; tag, push) and hands
/// it to the route file of that resource; list and inspect are served here.
/// </summary>
public static class ImageRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/images/json", ListAsync);
        app.MapGet("/images/{*rest}", GetAsync);
        app.MapPost("/images/{*rest}", PostAsync);
        app.MapDelete("/images/{*rest}", ImageRemoveRoutes.RemoveAsync);
        ImagePullRoute.Map(app);
        ImageArchiveRoutes.Map(app);
        ImageRemoveRoutes.Map(app);
    }

    /// <summary>Image names hold slashes: the action is the last segment.</summary>
    private static Task<IResult> GetAsync(HttpContext http, CliContext cli, string rest) => Split(rest) switch
    {
        (var name, "json") => InspectAsync(http, cli, name),
        (var name, "history") => ImageHistoryRoute.HistoryAsync(http, cli, name),
        (var name, "get") => ImageArchiveRoutes.SaveOneAsync(http, name),
        _ => Task.FromResult(NotFound()),
    };

    private static async Task<IResult> PostAsync(HttpContext http, CliContext cli, string rest)
    {
        switch (Split(rest))
        {
            case (var name, "tag"):
                return await ImageRemoveRoutes.TagAsync(http, cli, name);
            case (var name, "push"):
                await ImagePushRoute.PushAsync(http, cli, name);
                return Results.Empty;
            default:
                return NotFound();
        }
    }

    private static (string Name, string Action) Split(string rest)
    {
        var cut = rest.LastIndexOf('/');
        return cut < 0 ? (rest, "") : (rest[..cut], rest[(cut + 1)..]);
    }

    private static IResult NotFound() =>
        Results.Content("{\"message\":\"page not found\"}", "application/json", statusCode: 404);

    private static async Task<IResult> ListAsync(HttpContext http, CliContext cli)
    {
        var images = await cli.Images.ListAsync(http.QueryFlag("all"), http.RequestAborted);
        var list = new JsonArray();
        foreach (var image in images)
        {
            list.Add(Summary(image));
        }

        return DockerJson.Result(list);
    }

    private static JsonObject Summary(LocalImage image)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in image.Config.Labels)
        {
            labels[key] = value;
        }

        return new JsonObject
        {
            ["Id"] = "sha256:" + image.Id,
            ["ParentId"] = "",
            ["RepoTags"] = new JsonArray(image.Names.Select(n => (JsonNode)n!).ToArray()),
            ["RepoDigests"] = new JsonArray(image.RepoDigests.Select(n => (JsonNode)n!).ToArray()),
            ["Created"] = image.Created.ToUnixTimeSeconds(),
            ["Size"] = image.Size,
            ["SharedSize"] = -1,
            ["VirtualSize"] = image.Size,
            ["Labels"] = labels,
            ["Containers"] = -1,
        };
    }

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string name)
    {
        var podman = await cli.Images.InspectAsync(name, http.RequestAborted);
        var json = (JsonObject)podman.DeepClone();
        if (json["Id"]?.GetValue<string>() is { } id && !id.StartsWith("sha256:", StringComparison.Ordinal))
        {
            json["Id"] = "sha256:" + id;
        }

        return DockerJson.Result(json);
    }
}
