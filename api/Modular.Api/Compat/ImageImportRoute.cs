using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Engine.Images.Transports;

namespace Modular.Api.Compat;

/// <summary>
/// POST /images/create?fromSrc=-: docker import. The body is a tarball of a root file
/// system; the CLI's importer makes it a one-layer image named repo[:tag] (a short name is
/// Docker Hub's, as in Podman's compat tree), with changes, message and platform as the
/// CLI's --change, --message, --os/--arch. Answers Podman's single status object.
/// </summary>
public static class ImageImportRoute
{
    /// <summary>Largest tarball an import accepts (413 above it), as a load.</summary>
    public const long ImportBodyLimit = ImageArchiveRoutes.LoadBodyLimit;

    public static async Task ImportAsync(HttpContext http, CliContext cli)
    {
        var query = http.Request.Query;
        var source = query["fromSrc"].ToString();
        if (source != "-")
        {
            // Limitation: Docker's fromSrc may be a URL the daemon downloads, and Podman also
            // reads a path on the server; this service takes the tarball from the body only.
            throw ImageUploads.SourceRefused(source);
        }

        var options = Options(query);
        var id = "sha256:" + await ImageUploads.WithSpooledBodyAsync(
            http, cli, "import", path => ImageUploads.ImportAsync(cli, path, options, http.RequestAborted));
        await DockerJson.Result(new JsonObject
        {
            ["status"] = id,
            ["progress"] = "",
            ["progressDetail"] = new JsonObject(),
            ["id"] = id,
        }).ExecuteAsync(http);
    }

    private static TarballImportOptions Options(IQueryCollection query)
    {
        var repo = query["repo"].ToString();
        var tag = query["tag"].ToString();
        var reference = repo.Length == 0 ? null
            : ImagePullRoute.DockerHubName(tag.Length == 0 ? repo
                : tag.Contains(':') ? repo + "@" + tag : repo + ":" + tag);
        var platform = query["platform"].ToString().Split('/');
        return new TarballImportOptions(
            [.. query["changes"].Select(c => c ?? "").Where(c => c.Length > 0)],
            NonEmpty(query["message"].ToString()),
            NonEmpty(platform[0]),
            platform.Length > 1 ? NonEmpty(platform[1]) : null,
            platform.Length > 2 ? NonEmpty(platform[2]) : null,
            reference);
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
