using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Manifests;

namespace Modular.Api.Libpod;

/// <summary>
/// /libpod/manifests: create (POST, name and images as query; Podman 4 puts the name in
/// the path), inspect, exists, modify (PUT with update, remove or annotate), delete, over
/// the engine's <see cref="IManifestListService"/>. Push (POST .../registry/{destination}) is in <see cref="LibpodManifestPushRoute"/>.
/// </summary>
public static class LibpodManifestRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/manifests", (HttpContext http, CliContext cli) => CreateAsync(http, cli, null));
        app.MapPost("/libpod/manifests/{*path}", PostAsync);
        app.MapGet("/libpod/manifests/{*path}", GetAsync);
        app.MapPut("/libpod/manifests/{*name}", ModifyAsync);
        app.MapDelete("/libpod/manifests/{*name}", DeleteAsync);
    }

    // List names hold slashes (localhost/list:1), so one catch-all per method splits the
    // path as Podman's {name:.*} patterns do.
    private static Task<IResult> PostAsync(HttpContext http, CliContext cli, string path)
    {
        var registry = path.IndexOf("/registry/", StringComparison.Ordinal);
        return registry < 0
            ? CreateAsync(http, cli, path)
            : LibpodManifestPushRoute.PushAsync(http, cli, path[..registry], path[(registry + 10)..]);
    }

    private static Task<IResult> GetAsync(HttpContext http, CliContext cli, string path) =>
        path switch
        {
            _ when path.EndsWith("/json", StringComparison.Ordinal) => InspectAsync(http, cli, path[..^5]),
            _ when path.EndsWith("/exists", StringComparison.Ordinal) => ExistsAsync(http, cli, path[..^7]),
            _ => Task.FromResult(Results.NotFound()),
        };

    /// <summary>A body, when given, carries the images' platform options (Podman 5).</summary>
    private static async Task<IResult> CreateAsync(HttpContext http, CliContext cli, string? name)
    {
        var list = name ?? http.Request.Query["name"].ToString();
        var body = ManifestModifyBody.Read(await RequestBody.ReadObjectAsync(http), http);
        var images = http.Request.Query["images"].Concat(http.Request.Query["image"])
            .OfType<string>().Concat(body.Images).ToList();
        var options = body.Options with { All = body.Options.All || http.QueryFlag("all") };
        var id = await Lists(cli).CreateAsync(list, images, http.QueryFlag("amend"), options, http.RequestAborted);
        if (body.IndexAnnotations is { } index)
        {
            await Lists(cli).AnnotateAsync(id, null, new ManifestAddOptions(Annotations: index), http.RequestAborted);
        }

        return Results.Json(new JsonObject { ["Id"] = id });
    }

    private static async Task<IResult> InspectAsync(HttpContext http, CliContext cli, string name)
    {
        var tls = http.Request.Query.ContainsKey("tlsVerify") ? http.QueryFlag("tlsVerify") : (bool?)null;
        try
        {
            var json = await Lists(cli).InspectAsync(name, new ManifestAddOptions(TlsVerify: tls), http.RequestAborted);
            return Results.Bytes(json, "application/json");
        }
        catch (ModularException e) when (e is not NotFoundException)
        {
            // Podman answers every inspect failure with 404.
            throw new NotFoundException(e.Message, e);
        }
    }

    private static async Task<IResult> ExistsAsync(HttpContext http, CliContext cli, string name) =>
        await Lists(cli).ExistsAsync(name, http.RequestAborted)
            ? Results.NoContent()
            : throw new ApiException(StatusCodes.Status404NotFound, "manifest not found", "manifest not found");

    private static async Task<IResult> ModifyAsync(HttpContext http, CliContext cli, string name)
    {
        var body = ManifestModifyBody.Read(await RequestBody.ReadObjectAsync(http), http);
        var lists = Lists(cli);
        string id;
        var images = new JsonArray();
        switch (body.Operation.ToLowerInvariant())
        {
            case "update":
                id = await UpdateAsync(lists, name, body, images, http.RequestAborted);
                break;
            case "remove":
                id = await RemoveAsync(lists, name, body, images, http.RequestAborted);
                break;
            case "annotate":
                id = await AnnotateAsync(lists, name, body, images, http.RequestAborted);
                break;
            default:
                throw new InvalidInputException(
                    $"illegal operation \"{body.Operation}\" for \"{http.Request.Path}{http.Request.QueryString}\"");
        }

        var report = new JsonObject { ["Id"] = id };
        if (images.Count > 0)
        {
            report["images"] = images;
        }

        return Results.Json(report);
    }

    private static async Task<string> UpdateAsync(
        IManifestListService lists,
        string name,
        ManifestModifyBody body,
        JsonArray done,
        CancellationToken cancellationToken)
    {
        var id = name;
        foreach (var image in body.Images)
        {
            id = await lists.AddAsync(name, image, body.Options, cancellationToken);
            done.Add(image);
        }

        return id;
    }

    private static async Task<string> RemoveAsync(
        IManifestListService lists,
        string name,
        ManifestModifyBody body,
        JsonArray done,
        CancellationToken cancellationToken)
    {
        var id = name;
        foreach (var image in body.Images)
        {
            id = await lists.RemoveInstanceAsync(name, image, cancellationToken);
            done.Add(image);
        }

        return id;
    }

    /// <summary>No image: the index itself gets the index annotations (annotate --index).</summary>
    private static async Task<string> AnnotateAsync(
        IManifestListService lists,
        string name,
        ManifestModifyBody body,
        JsonArray done,
        CancellationToken cancellationToken)
    {
        if (body.Images.Count == 0)
        {
            var index = body.Options with { Annotations = body.IndexAnnotations ?? body.Options.Annotations };
            return await lists.AnnotateAsync(name, null, index, cancellationToken);
        }

        var id = name;
        foreach (var image in body.Images)
        {
            id = await lists.AnnotateAsync(name, image, body.Options, cancellationToken);
            done.Add(image);
        }

        return id;
    }

    /// <summary>Podman's LibpodImagesRemoveReport, from rmi's "Untagged:"/"Deleted:" lines.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext http, CliContext cli, string name)
    {
        var lines = await Lists(cli).DeleteAsync(name, http.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["Untagged"] = Prefixed(lines, "Untagged: "),
            ["Deleted"] = Prefixed(lines, "Deleted: "),
            ["Errors"] = new JsonArray(),
            ["ExitCode"] = 0,
        });
    }

    private static JsonArray Prefixed(IReadOnlyList<string> lines, string prefix) =>
        [.. lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => (JsonNode)JsonValue.Create(l[prefix.Length..]))];

    private static IManifestListService Lists(CliContext cli) =>
        cli.Services.GetRequiredService<IManifestListService>();
}
