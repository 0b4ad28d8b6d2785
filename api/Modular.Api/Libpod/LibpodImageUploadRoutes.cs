using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Modular.Api.Compat;
using Modular.Api.Shared;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Transports;

namespace Modular.Api.Libpod;

/// <summary>
/// POST /libpod/images/load and /libpod/images/import: `podman --remote load` and
/// `import` upload an archive (or a root file system tarball) as the body. Both spool it
/// in the store's tmp and hand it to the engine services the CLI's load and import use;
/// only these routes take bodies as large as a load's.
/// </summary>
public static class LibpodImageUploadRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/libpod/images/load", LoadAsync)
            .WithMetadata(new BodyLimit(ImageArchiveRoutes.LoadBodyLimit));
        app.MapPost("/libpod/images/import", ImportAsync)
            .WithMetadata(new BodyLimit(ImageArchiveRoutes.LoadBodyLimit));
    }

    /// <summary>The loaded names as {"Names": [...]}; a failure is Podman's 500.</summary>
    private static async Task<IResult> LoadAsync(HttpContext http, CliContext cli)
    {
        var names = await ImageUploads.WithSpooledBodyAsync(http, cli, "load", path =>
            ImageArchiveRoutes.LoadFileAsync(cli, path, "unable to load image: ", http.RequestAborted));
        return LibpodJson.Body(new JsonObject
        {
            ["Names"] = new JsonArray([.. names.Select(n => (JsonNode)ImageArchiveRoutes.LoadedName(n))]),
        });
    }

    /// <summary>
    /// The new image's ID as {"Id": "sha256:..."}. Limitation: Podman's url= makes the
    /// service download the tarball; this service takes the body only and refuses url=.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext http, CliContext cli)
    {
        var query = http.Request.Query;
        if (query["url"].ToString() is { Length: > 0 } url)
        {
            throw ImageUploads.SourceRefused(url);
        }

        var options = new TarballImportOptions(
            [.. query["changes"].Select(c => c ?? "").Where(c => c.Length > 0)],
            NonEmpty(query["message"].ToString()),
            NonEmpty(query["OS"].ToString()),
            NonEmpty(query["Architecture"].ToString()),
            NonEmpty(query["Variant"].ToString()),
            NonEmpty(query["reference"].ToString()));
        var id = await ImageUploads.WithSpooledBodyAsync(
            http, cli, "import", path => ImageUploads.ImportAsync(cli, path, options, http.RequestAborted));
        return LibpodJson.Body(new JsonObject { ["Id"] = "sha256:" + id });
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
