using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;

namespace Modular.Api.Compat;

/// <summary>
/// docker save and load: GET /images/NAME/get, GET /images/get?names=..., POST
/// /images/load. Archives go through a file in the store's temp directory, as the CLI's
/// save to stdout and load from stdin do (the archive is written and read in passes).
/// </summary>
public static class ImageArchiveRoutes
{
    /// <summary>Largest image archive a load accepts (413 above it).</summary>
    public const long LoadBodyLimit = 64L * 1024 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapGet("/images/get", (Delegate)SaveManyAsync);
        app.MapPost("/images/load", LoadAsync).WithMetadata(new BodyLimit(LoadBodyLimit));
    }

    internal static Task<IResult> SaveOneAsync(HttpContext http, string name) => SaveAsync(http, [name]);

    private static Task<IResult> SaveManyAsync(HttpContext http)
    {
        var names = http.Request.Query["names"].Select(n => n ?? "").Where(n => n.Length > 0).ToList();
        return names.Count == 0
            ? throw new InvalidInputException("no images specified")
            : SaveAsync(http, names);
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IReadOnlyList<string> names)
    {
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var path = TempFile(cli, "save");
        try
        {
            var transports = cli.Services.GetRequiredService<IImageTransports>();
            var options = new ExportOptions(Quiet: true, NameFromImage: true);
            await transports.ExportManyAsync(
                names,
                new TransportReference(TransportKind.DockerArchive, path, null),
                options,
                http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status200OK;
            // Podman sets no type and Go sniffs a tar as octet-stream, as for the libpod save.
            http.Response.ContentType = "application/octet-stream";
            await using (var archive = File.OpenRead(path))
            {
                await archive.CopyToAsync(http.Response.Body, http.RequestAborted);
            }

            return Results.Empty;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// docker load as Podman's compat tree answers it: one object whose <c>stream</c> is
    /// "Loaded image: " and every loaded name joined by commas (an untagged image by its
    /// sha256: ID); an archive that does not load is a 500 "failed to load image".
    /// </summary>
    private static async Task<IResult> LoadAsync(HttpContext http, CliContext cli)
    {
        using var upload = UploadGuard.Watch(http);
        var names = await ImageUploads.WithSpooledBodyAsync(http, cli, "load", path =>
            LoadFileAsync(cli, path, "failed to load image: ", http.RequestAborted));
        var text = "Loaded image: " + string.Join(',', names.Select(LoadedName));
        return DockerJson.Result(new JsonObject { ["stream"] = text });
    }

    /// <summary>Loads an archive through the engine; a failure is the 500 Podman answers.</summary>
    internal static async Task<IReadOnlyList<string>> LoadFileAsync(
        CliContext cli,
        string path,
        string failure,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> names;
        try
        {
            names = await cli.Images.LoadAsync(path, cancellationToken);
        }
        catch (ModularException e)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                failure + ErrorMapper.MessageFor(e));
        }

        return names.Count > 0 ? names
            : throw new ApiException(StatusCodes.Status500InternalServerError,
                "one or more images are required");
    }

    internal static string LoadedName(string name) =>
        name.Contains(':') || name.Contains('/') ? name : "sha256:" + name;

    internal static string TempFile(CliContext cli, string what)
    {
        var directory = Path.Combine(cli.Host.Options.GraphRoot, "tmp");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"api-{what}-{Guid.NewGuid():N}.tar");
    }
}
