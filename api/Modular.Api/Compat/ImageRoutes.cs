using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Images;

namespace Modular.Api.Compat;

/// <summary>
/// Docker's image list and inspect. Names hold slashes (localhost/busybox), so one
/// catch-all route takes /images/NAME/json apart.
/// </summary>
public static class ImageRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/images/json", ListAsync);
        app.MapGet("/images/{*rest}", InspectAsync);
    }

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

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string rest)
    {
        if (!rest.EndsWith("/json", StringComparison.Ordinal))
        {
            return Results.Content("{\"message\":\"page not found\"}", "application/json", statusCode: 404);
        }

        var name = rest[..^"/json".Length];
        var podman = await cli.Images.InspectAsync(name, http.RequestAborted);
        var json = (JsonObject)podman.DeepClone();
        if (json["Id"]?.GetValue<string>() is { } id && !id.StartsWith("sha256:", StringComparison.Ordinal))
        {
            json["Id"] = "sha256:" + id;
        }

        return DockerJson.Result(json);
    }
}
