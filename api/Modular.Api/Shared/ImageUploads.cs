using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Compat;
using Modular.Api.Http;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;

namespace Modular.Api.Shared;

/// <summary>
/// Bodies that are image archives or tarballs (load, import, in both trees): spooled to a
/// file in the store's tmp, as the CLI spools stdin, handed to the engine, then removed.
/// </summary>
public static class ImageUploads
{
    /// <summary>Writes the body to a file, runs <paramref name="use"/> on it, removes it.</summary>
    public static async Task<T> WithSpooledBodyAsync<T>(
        HttpContext http,
        CliContext cli,
        string what,
        Func<string, Task<T>> use)
    {
        var path = ImageArchiveRoutes.TempFile(cli, what);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await http.Request.Body.CopyToAsync(file, http.RequestAborted);
            }

            return await use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The CLI's importer on a spooled tarball; a failure is Podman's 500.</summary>
    public static async Task<string> ImportAsync(
        CliContext cli,
        string path,
        TarballImportOptions options,
        CancellationToken cancellationToken)
    {
        try
        {
            return await cli.Services.GetRequiredService<TarballImporter>()
                .ImportAsync(path, options, cancellationToken);
        }
        catch (ModularException e)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                "unable to import tarball: " + ErrorMapper.MessageFor(e));
        }
    }

    /// <summary>A source other than the body (a URL, a server path) is refused: no downloads.</summary>
    public static ApiException SourceRefused(string source) =>
        new(StatusCodes.Status500InternalServerError,
            $"unable to import tarball: importing from \"{source}\" is not supported: "
            + "send the tarball as the request body");
}
