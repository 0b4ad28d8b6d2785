using System.Formats.Tar;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Api.Shared;
using Modular.Contracts.Errors;

namespace Modular.Api.Libpod;

/// <summary>
/// GET /libpod/images/export?references=A&amp;references=B&amp;format=: <c>save</c> of one or
/// more images as one tar. The directory formats (oci-dir, docker-dir) arrive as a tar of
/// the directory, which the client unpacks where it was asked to write.
/// </summary>
public static class LibpodImageExportRoute
{
    private static readonly string[] Formats = ["docker-archive", "oci-archive", "oci-dir", "docker-dir"];

    public static async Task<IResult> ExportAsync(HttpContext http)
    {
        var references = http.Request.Query["references"].Select(r => r ?? "").Where(r => r.Length > 0).ToList();
        var format = http.Request.Query["format"].ToString() is { Length: > 0 } given ? given : "docker-archive";
        if (!Formats.Contains(format))
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, $"unknown format \"{format}\"");
        }

        if (references.Count == 0)
        {
            throw new InvalidInputException("no references given");
        }

        var args = new List<string> { "save", "--quiet", "--format", format };
        args.AddRange(LibpodQuery.Bool(http, "compress") && format == "docker-dir" ? ["--compress"] : []);
        args.AddRange(references.Count > 1 ? ["--multi-image-archive"] : []);
        return await SendAsync(http, args, references);
    }

    private static async Task<IResult> SendAsync(HttpContext http, List<string> save, List<string> references)
    {
        var folder = Directory.CreateTempSubdirectory("modular-api-export-");
        try
        {
            var output = Path.Combine(folder.FullName, "out");
            await CliBridge.OutputAsync(http, [.. save, "--output", output, .. references]);
            http.Response.ContentType = "application/x-tar";
            if (Directory.Exists(output))
            {
                await TarFile.CreateFromDirectoryAsync(
                    output, http.Response.Body, includeBaseDirectory: false, http.RequestAborted);
                return Results.Empty;
            }

            await using var stream = File.OpenRead(output);
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
