using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images.Management;

namespace Modular.Api.Compat;

/// <summary>
/// docker tag, rmi and image prune: POST /images/NAME/tag, DELETE /images/NAME and
/// POST /images/prune, answering with Docker's {"Untagged"}/{"Deleted"} items.
/// </summary>
public static class ImageRemoveRoutes
{
    public static void Map(WebApplication app) => app.MapPost("/images/prune", PruneAsync);

    internal static async Task<IResult> TagAsync(HttpContext http, CliContext cli, string name)
    {
        var repo = http.Request.Query["repo"].ToString();
        var tag = http.Request.Query["tag"].ToString();
        if (repo.Length == 0)
        {
            throw new InvalidInputException("repo parameter cannot be empty");
        }

        await cli.Images.TagAsync(name, tag.Length == 0 ? repo : repo + ":" + tag, http.RequestAborted);
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>
    /// DELETE /images/NAME?force=&amp;noprune=. Without noprune, parents the removal leaves
    /// dangling go too (libimage's rule, as rmi without --no-prune). force never
    /// removes containers here: Podman's compat tree turns that off (Docker removes no
    /// running container for an image), so an image any container uses is a 409 either way.
    /// </summary>
    internal static async Task<IResult> RemoveAsync(HttpContext http, CliContext cli, string rest)
    {
        IReadOnlyList<string> lines;
        try
        {
            var noPrune = http.QueryFlag("noprune");
            lines = await cli.Images.RemoveAsync(rest, force: false, noPrune, http.RequestAborted);
        }
        catch (WrongStateException e)
        {
            throw new ApiException(StatusCodes.Status409Conflict,
                $"image {rest} is in use: {e.Message}", "image is in use by a container");
        }

        return DockerJson.Result(new JsonArray([.. lines.Select(Item)]));
    }

    private static async Task<IResult> PruneAsync(HttpContext http, CliContext cli)
    {
        var filters = QueryFilters.Parse(http)
            .Select(p => p.Key.EndsWith('!') ? p.Key[..^1] + "!=" + p.Value : p.Key + "=" + p.Value)
            .ToArray();

        // Docker prunes dangling images unless told dangling=false, which is -a.
        var options = ImagePruneCommand.Parse(all: false, filters, DateTimeOffset.UtcNow);
        options = options with { All = options.Dangling == false };
        var sizes = (await cli.Images.ListAsync(true, http.RequestAborted)).ToDictionary(i => i.Id, i => i.Size);
        var pruner = cli.Services.GetRequiredService<ImagePruner>();
        var removed = await pruner.PruneAsync(options, http.RequestAborted);
        var deleted = removed.Select(id => (JsonNode)new JsonObject { ["Deleted"] = "sha256:" + id });
        return DockerJson.Result(new JsonObject
        {
            ["ImagesDeleted"] = removed.Count == 0 ? null : new JsonArray([.. deleted]),
            ["SpaceReclaimed"] = removed.Sum(id => sizes.GetValueOrDefault(id)),
        });
    }

    /// <summary>"Untagged: NAME" / "Deleted: ID" as the engine reports them, in Docker's shape.</summary>
    private static JsonNode Item(string line)
    {
        var cut = line.IndexOf(": ", StringComparison.Ordinal);
        var (key, value) = cut < 0 ? ("Deleted", line) : (line[..cut], line[(cut + 2)..]);
        if (key == "Deleted" && !value.StartsWith("sha256:", StringComparison.Ordinal))
        {
            value = "sha256:" + value;
        }

        return new JsonObject { [key] = value };
    }
}
