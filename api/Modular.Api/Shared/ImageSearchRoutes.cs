using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Api.Shared;

/// <summary>
/// GET /images/search and /libpod/images/search: one handler for both, as in Podman
/// (term, limit, filters, tlsVerify, listTags; X-Registry-Auth for credentials), calling
/// the engine's <see cref="ImageSearch"/> that <c>modpod search</c> calls. The answer is
/// the array of Podman's reports; the Docker tree says 404 when nothing matched.
/// </summary>
public static class ImageSearchRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/images/search", (Delegate)CompatAsync);
        app.MapGet("/libpod/images/search", (Delegate)LibpodAsync);
    }

    private static Task<IResult> CompatAsync(HttpContext http, CliContext cli) =>
        SearchAsync(http, cli, false);

    private static Task<IResult> LibpodAsync(HttpContext http, CliContext cli) =>
        SearchAsync(http, cli, true);

    private static async Task<IResult> SearchAsync(HttpContext http, CliContext cli, bool libpod)
    {
        var term = http.Request.Query["term"].ToString();
        var request = new ImageSearchRequest(
            term,
            LibpodQuery.Int(http, "limit") ?? 0,
            DockerFilters.Parse(http.Request.Query["filters"].ToString()),
            NoTrunc: false,
            ListTags: LibpodQuery.Bool(http, "listTags"),
            TlsVerify: http.Request.Query.ContainsKey("tlsVerify")
                ? LibpodQuery.Bool(http, "tlsVerify")
                : null,
            Credentials: RegistryAuthHeader.Credentials(http));
        IReadOnlyList<ImageSearchResult> results;
        try
        {
            var search = cli.Services.GetRequiredService<ImageSearch>();
            results = await search.SearchAsync(request, http.RequestAborted);
        }
        catch (ModularException e)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, e.Message);
        }

        if (!libpod && results.Count == 0)
        {
            throw new ApiException(
                StatusCodes.Status404NotFound,
                $"failed to find image {term}: image not known",
                "image not known");
        }

        var body = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
        {
            ["Index"] = r.Index,
            ["Name"] = r.Name,
            ["Description"] = r.Description,
            ["Stars"] = r.Stars,
            ["Official"] = r.Official,
            ["Automated"] = r.Automated,
            ["Tag"] = r.Tag,
        })]);
        return DockerJson.Result(body);
    }
}
