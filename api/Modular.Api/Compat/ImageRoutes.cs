using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;

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
        app.MapGet("/images/json", (Delegate)ListAsync);
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

    /// <summary>
    /// Podman's compat list: the libpod summary without manifest lists, "sha256:" ids, empty
    /// arrays for no tags or digests, SharedSize -1 unless asked for, VirtualSize below 1.44.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext http)
    {
        var filters = QueryFilters.Parse(http).Select(f => f.Key + "=" + f.Value).ToList();
        var legacy = http.Request.Query["filter"].ToString();
        if (legacy.Length > 0)
        {
            // API 1.24's single reference pattern.
            filters.Add("reference=" + legacy);
        }

        var images = await ImageListing.ListAsync(http, filters, libpod: false);
        var sharedSize = http.QueryFlag("shared-size");
        var virtualSize = DockerLevel(http) < new Version(1, 44);
        foreach (var image in images)
        {
            image["Id"] = "sha256:" + image["Id"];
            image["RepoTags"] ??= new JsonArray();
            image["RepoDigests"] ??= new JsonArray();
            image["SharedSize"] = sharedSize ? 0 : -1;
            if (!virtualSize)
            {
                image.Remove("VirtualSize");
            }
        }

        return DockerJson.Result(new JsonArray([.. images]));
    }

    /// <summary>The client's Docker API level; a bare path is the level served (Podman's rule).</summary>
    internal static Version DockerLevel(HttpContext http) =>
        Version.TryParse(http.Version() ?? "", out var level) ? level : Version.Parse(ApiVersions.DockerMaximum);

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string name)
    {
        var podman = await cli.Images.InspectAsync(name, http.RequestAborted);
        var json = (JsonObject)podman.DeepClone();
        var id = json["Id"]?.GetValue<string>() ?? "";
        id = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        json["Id"] = "sha256:" + id;
        var level = DockerLevel(http);
        if (level >= new Version(1, 44))
        {
            json.Remove("VirtualSize"); // Docker dropped it in API 1.44
        }

        if (level < new Version(1, 45))
        {
            json["ContainerConfig"] = ContainerConfig(id, json["Config"]);
        }

        return DockerJson.Result(json);
    }

    /// <summary>
    /// The ContainerConfig Docker sent up to API 1.44 (docker-compose 1.x reads it): Podman
    /// fills the short id as Hostname and the image's volumes; the rest stays empty.
    /// </summary>
    private static JsonObject ContainerConfig(string id, JsonNode? config) => new()
    {
        ["Hostname"] = id[..Math.Min(11, id.Length)],
        ["Domainname"] = "",
        ["User"] = "",
        ["AttachStdin"] = false,
        ["AttachStdout"] = false,
        ["AttachStderr"] = false,
        ["Tty"] = false,
        ["OpenStdin"] = false,
        ["StdinOnce"] = false,
        ["Env"] = null,
        ["Cmd"] = null,
        ["Image"] = "",
        ["Volumes"] = config?["Volumes"]?.DeepClone(),
        ["WorkingDir"] = "",
        ["Entrypoint"] = null,
        ["OnBuild"] = null,
        ["Labels"] = null,
    };
}
