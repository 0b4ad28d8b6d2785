using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images.Management;

namespace Modular.Api.Libpod;

/// <summary>/libpod/images: history, get (an archive of images) and prune.</summary>
public static class LibpodImageExtraRoutes
{
    private static readonly string[] Formats = ["docker-archive", "oci-archive"];

    /// <summary>The image's history, newest first, as Podman's API lists it.</summary>
    public static async Task<IResult> HistoryAsync(HttpContext http, string image)
    {
        // The CLI's lookup resolves short names and ID prefixes; the reader is given the ID.
        var inspect = await CliBridge.RunAsync(http, ["image", "inspect", image]);
        if (inspect.ExitCode != 0)
        {
            throw new NotFoundException($"failed to find image {image}: {image}: image not known");
        }

        var found = JsonNode.Parse(LibpodJson.First(inspect.Stdout))!;
        var id = found["Id"]!.ToString();
        var cli = http.RequestServices.GetRequiredService<CliContext>();
        var entries = await cli.Services.GetRequiredService<ImageHistoryReader>().ReadAsync(id, http.RequestAborted);
        var list = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["Id"] = e.Id,
            ["Created"] = e.Created.ToUnixTimeSeconds(),
            ["CreatedBy"] = e.CreatedBy,
            ["Tags"] = Tags(e, id, found["RepoTags"]),
            ["Size"] = e.Size,
            ["Comment"] = e.Comment,
        })]);
        return LibpodJson.Body(list);
    }

    /// <summary>The image's own entry carries its names, as Podman lists them.</summary>
    private static JsonNode? Tags(HistoryEntry entry, string id, JsonNode? repoTags) =>
        entry.Tags.Count > 0 ? new JsonArray([.. entry.Tags.Select(t => (JsonNode)t)])
        : entry.Id == id && repoTags is JsonArray { Count: > 0 } names ? names.DeepClone()
        : null;

    /// <summary>GET /libpod/images/{name}/get: the image as a docker-archive (or format=oci-archive) tar.</summary>
    public static async Task<IResult> ExportAsync(HttpContext http, string image)
    {
        var format = http.Request.Query["format"].ToString();
        format = format.Length == 0 ? "docker-archive" : format;
        _ = LibpodQuery.Bool(http, "compress");
        if (!Formats.Contains(format))
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, $"unknown format \"{format}\"");
        }

        if ((await CliBridge.RunAsync(http, ["image", "exists", image])).ExitCode != 0)
        {
            throw new NotFoundException($"failed to find image {image}: {image}: image not known");
        }

        return await SendArchiveAsync(http, ["save", "--quiet", "--format", format, image]);
    }

    /// <summary>Runs `save ... -o TEMP`, then streams TEMP as the body and removes it.</summary>
    internal static async Task<IResult> SendArchiveAsync(HttpContext http, List<string> save)
    {
        var folder = Directory.CreateTempSubdirectory("modular-api-save-");
        try
        {
            var file = Path.Combine(folder.FullName, "image.tar");
            await CliBridge.OutputAsync(http, [.. save[..^1], "--output", file, save[^1]]);
            // Podman sets no type and Go sniffs a tar as octet-stream; clients key on it.
            http.Response.ContentType = "application/octet-stream";
            await using (var stream = File.OpenRead(file))
            {
                await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
            }

            return Results.Empty;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>POST /libpod/images/prune: the removed images as [{Id, Size}].</summary>
    public static async Task<IResult> PruneAsync(HttpContext http)
    {
        // Podman's prune answers an unreadable parameter with 500, not the usual 400.
        var all = LibpodQuery.Bool(http, "all", status: StatusCodes.Status500InternalServerError);
        var args = new List<string> { "image", "prune", "--force" };
        args.AddRange(all ? ["--all"] : []);
        args.AddRange(QueryFilters.AsArguments(http));
        var output = await CliBridge.RunAsync(http, args);
        if (output.ExitCode != 0)
        {
            var message = output.Failure?.Message ?? output.Stderr.Trim().Replace("Error: ", "", StringComparison.Ordinal);
            throw new ApiException(StatusCodes.Status500InternalServerError, message);
        }

        var ids = output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return LibpodJson.Body(new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
        {
            ["Id"] = id, ["Err"] = null, ["Size"] = 0,
        })]));
    }

    /// <summary>
    /// POST /libpod/local/images/load?path=ABS: loads an archive the server can read
    /// itself (no upload). Podman refuses other parameters, relative paths and folders (400)
    /// and answers a missing file with 404.
    /// </summary>
    public static async Task<IResult> LoadLocalAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (query.Keys.Any(k => k != "path"))
        {
            throw new InvalidInputException($"unknown parameter \"{query.Keys.First(k => k != "path")}\"");
        }

        var path = query["path"].ToString();
        if (path.Length == 0 || !Path.IsPathRooted(path) || path.Split('/').Contains(".."))
        {
            throw new InvalidInputException($"path \"{path}\" must be an absolute path to an archive");
        }

        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"path \"{path}\" is a directory");
        }

        if (!File.Exists(path))
        {
            throw new NotFoundException($"stat {path}: no such file or directory");
        }

        var output = await CliBridge.OutputAsync(http, ["load", "--input", path]);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("Loaded image: ", StringComparison.Ordinal))
            .SelectMany(l => l["Loaded image: ".Length..].Split(','))
            .ToArray();
        return Results.Json(new Dictionary<string, object> { ["Names"] = names });
    }
}
