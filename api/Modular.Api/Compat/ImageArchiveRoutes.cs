using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
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
            http.Response.ContentType = "application/x-tar";
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

    private static async Task LoadAsync(HttpContext http, CliContext cli)
    {
        using var upload = UploadGuard.Watch(http);
        var path = TempFile(cli, "load");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await http.Request.Body.CopyToAsync(file, http.RequestAborted);
            }

            var names = await cli.Images.LoadAsync(path, http.RequestAborted);
            var stream = new JsonLineStream();
            foreach (var name in names)
            {
                var text = name.Contains(':') && !name.StartsWith("sha256:", StringComparison.Ordinal)
                    ? "Loaded image: " + name
                    : "Loaded image ID: " + (name.StartsWith("sha256:", StringComparison.Ordinal) ? name : "sha256:" + name);
                stream.Post(new JsonObject { ["stream"] = text + "\n" });
            }

            await stream.RunAsync(http, () => Task.CompletedTask);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempFile(CliContext cli, string what)
    {
        var directory = Path.Combine(cli.Host.Options.GraphRoot, "tmp");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"api-{what}-{Guid.NewGuid():N}.tar");
    }
}
