using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>/libpod/images: list, inspect, exists, pull, tag and remove, through the CLI's shaping.</summary>
public static class LibpodImageRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/libpod/images/json", (Delegate)List);
        app.MapPost("/libpod/images/pull", LibpodImagePullRoute.PullAsync);
        app.MapDelete("/libpod/images/remove", (Delegate)RemoveMany);
        app.MapPost("/libpod/images/prune", (Delegate)LibpodImageExtraRoutes.PruneAsync);
        app.MapGet("/libpod/images/export", (Delegate)LibpodImageExportRoute.ExportAsync);
        app.MapPost("/libpod/local/images/load", (Delegate)LibpodImageExtraRoutes.LoadLocalAsync);
        LibpodImageUploadRoutes.Map(app);
        app.MapGet("/libpod/images/{*name}", Get);
        app.MapPost("/libpod/images/{*name}", Post);
        app.MapDelete("/libpod/images/{*name}", RemoveOne);
    }

    private static async Task<IResult> List(HttpContext http)
    {
        var filters = QueryFilters.Parse(http).Select(f => f.Key + "=" + f.Value).ToList();
        var images = await ImageListing.ListAsync(http, filters, libpod: true);
        return LibpodJson.Body(new JsonArray([.. images]));
    }

    /// <summary>Image names hold slashes: the action is the last segment (json, exists, tag ...).</summary>
    private static Task<IResult> Get(string name, HttpContext http) => Split(name) switch
    {
        (var image, "json") => InspectAsync(http, image),
        (var image, "exists") => ExistsAsync(http, image),
        (var image, "history") => LibpodImageExtraRoutes.HistoryAsync(http, image),
        (var image, "get") => LibpodImageExtraRoutes.ExportAsync(http, image),
        (var image, "resolve") => LibpodImageResolveRoute.ResolveAsync(http, image),
        (var image, "tree") => LibpodImageLayerRoutes.TreeAsync(http, image),
        (var image, "changes") => LibpodImageLayerRoutes.ChangesAsync(http, image),
        _ => Task.FromResult(Results.NotFound() as IResult),
    };

    private static Task<IResult> Post(string name, HttpContext http) => Split(name) switch
    {
        (var image, "tag") => TagAsync(http, image),
        (var image, "untag") => UntagAsync(http, image),
        (var image, "push") => LibpodImagePushRoute.PushAsync(http, image),
        _ => Task.FromResult(Results.NotFound() as IResult),
    };

    private static async Task<IResult> InspectAsync(HttpContext http, string image)
    {
        var output = await CliBridge.RunAsync(http, ["image", "inspect", image]);
        if (output.Failure is not null || output.ExitCode != 0)
        {
            throw NoSuchImage(image);
        }

        return Results.Text(LibpodJson.First(output.Stdout), "application/json");
    }

    private static async Task<IResult> ExistsAsync(HttpContext http, string image)
    {
        var output = await CliBridge.RunAsync(http, ["image", "exists", image]);
        if (output.ExitCode == 0)
        {
            return Results.NoContent();
        }

        // Podman's cause is the lookup that failed; the message adds the store's reason.
        await ApiError.WriteAsync(http, StatusCodes.Status404NotFound, NoSuchImage(image).Message,
            $"failed to find image {image}");
        return Results.Empty;
    }

    private static async Task<IResult> TagAsync(HttpContext http, string image)
    {
        var repo = http.Request.Query["repo"].ToString();
        var tag = http.Request.Query["tag"].ToString();
        await CliBridge.OutputAsync(http, ["tag", image, tag.Length == 0 ? repo : repo + ":" + tag]);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> UntagAsync(HttpContext http, string image)
    {
        var repo = http.Request.Query["repo"].ToString();
        var tag = http.Request.Query["tag"].ToString();
        List<string> args = repo.Length == 0 ? ["untag", image] : ["untag", image, repo + ":" + tag];
        await CliBridge.OutputAsync(http, args);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    private static Task<IResult> RemoveOne(string name, HttpContext http) =>
        RemoveAsync(http, [Uri.UnescapeDataString(name)]);

    private static Task<IResult> RemoveMany(HttpContext http) =>
        RemoveAsync(http, http.Request.Query["images"].Select(i => i ?? "").ToList());

    private static async Task<IResult> RemoveAsync(HttpContext http, IReadOnlyList<string> images)
    {
        var args = new List<string> { "rmi" };
        args.AddRange(http.QueryFlag("force") ? ["--force"] : []);
        args.AddRange(http.QueryFlag("all") ? ["--all"] : []);
        args.AddRange(http.QueryFlag("ignore") ? ["--ignore"] : []);
        args.AddRange(http.QueryFlag("noprune") ? ["--no-prune"] : []);
        args.AddRange(images);
        var output = await CliBridge.RunAsync(http, args);
        if (images.Count == 1 && output.ExitCode != 0)
        {
            output.ThrowOnFailure();
        }

        var lines = output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Results.Json(new Dictionary<string, object?>
        {
            ["Deleted"] = Lines(lines, "Deleted: "),
            ["Untagged"] = Lines(lines, "Untagged: "),
            ["Errors"] = output.ExitCode == 0 ? Array.Empty<string>() : [output.Stderr.Trim()],
            ["ExitCode"] = output.ExitCode,
        });
    }

    private static string[] Lines(string[] lines, string prefix) =>
        lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToArray();

    private static (string Image, string Action) Split(string path)
    {
        // A catch-all keeps %2F encoded: clients escape the slashes of image names.
        path = Uri.UnescapeDataString(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? (path, "") : (path[..slash], path[(slash + 1)..]);
    }

    private static NotFoundException NoSuchImage(string image) =>
        new($"failed to find image {image}: {image}: image not known");
}
