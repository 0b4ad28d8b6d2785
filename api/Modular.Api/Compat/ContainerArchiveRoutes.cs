using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Modular.Api.Http;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers.Copy;

namespace Modular.Api.Compat;

/// <summary>
/// docker cp: GET (a tar of the path), HEAD (its status only) and PUT (extract a tar into
/// a directory) on /containers/ID/archive?path=. Both ends go through the CLI's copier,
/// so paths resolve inside the container exactly as <c>modpod cp</c> resolves them.
/// </summary>
public static class ContainerArchiveRoutes
{
    public const string StatHeader = "X-Docker-Container-Path-Stat";

    /// <summary>Largest tar a PUT accepts (413 above it).</summary>
    public const long UploadBodyLimit = 8L * 1024 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        // Podman's libpod tree serves the same three under its prefix, with the same
        // parameters (path, copyUIDGID, noOverwriteDirNonDir); its pause is a no-op here.
        foreach (var prefix in new[] { "", "/libpod" })
        {
            var route = prefix + "/containers/{id}/archive";
            app.MapMethods(route, ["HEAD"], HeadAsync);
            app.MapGet(route, GetAsync);
            app.MapPut(route, PutAsync).WithMetadata(new BodyLimit(UploadBodyLimit));
        }
    }

    private static async Task<IResult> HeadAsync(HttpContext http, CliContext cli, string id)
    {
        await WriteStatAsync(http, cli, id, PathOf(http));
        return Results.Ok();
    }

    private static async Task GetAsync(HttpContext http, CliContext cli, string id)
    {
        var path = PathOf(http);
        await WriteStatAsync(http, cli, id, path);
        AllowSynchronousIo(http);
        http.Response.ContentType = "application/x-tar";
        var copier = cli.Services.GetRequiredService<IContainerCopier>();
        await copier.CopyAsync(
            new CopyRequest(id + ":" + path, "-"),
            () => Stream.Null,
            () => http.Response.Body,
            http.RequestAborted);
    }

    private static async Task<IResult> PutAsync(HttpContext http, CliContext cli, string id)
    {
        AllowSynchronousIo(http);
        var request = new CopyRequest(
            "-",
            id + ":" + PathOf(http),
            Chown: http.QueryFlag("copyUIDGID"),
            Overwrite: !http.QueryFlag("noOverwriteDirNonDir"));
        var copier = cli.Services.GetRequiredService<IContainerCopier>();
        await copier.CopyAsync(request, () => http.Request.Body, () => Stream.Null, http.RequestAborted);
        return Results.Ok();
    }

    private static string PathOf(HttpContext http)
    {
        var path = http.Request.Query["path"].ToString();
        return path.Length == 0 ? throw new InvalidInputException("path parameter cannot be empty") : path;
    }

    private static async Task WriteStatAsync(HttpContext http, CliContext cli, string id, string path)
    {
        var copier = cli.Services.GetRequiredService<ContainerCopier>();
        var stat = await copier.StatAsync(id, path, http.RequestAborted);
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = stat.Name,
            ["size"] = stat.Size,
            ["mode"] = GoFileMode(stat.Mode),
            ["mtime"] = stat.Modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"),
            // Podman's clients decide file-or-directory from isDir alone, not from mode:
            // without it `podman --remote cp FILE CTR:/dir/` renames the file over the directory.
            ["isDir"] = (stat.Mode & 0xF000) == 0x4000,
            ["isStream"] = false,
            ["linkTarget"] = stat.LinkTarget,
        });
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        http.Response.Headers[StatHeader] = IsLibpod(http) ? UrlSafe(encoded) : encoded;
    }

    private static bool IsLibpod(HttpContext http) =>
        http.Request.Path.Value?.Contains("/libpod/", StringComparison.Ordinal) == true;

    /// <summary>Podman's clients decode the header with Go's URL-safe alphabet; Docker's with the standard one.</summary>
    private static string UrlSafe(string encoded) => encoded.Replace('+', '-').Replace('/', '_');

    /// <summary>st_mode as Go's os.FileMode, which the docker CLI decodes: type bits up high.</summary>
    internal static uint GoFileMode(uint mode)
    {
        var result = mode & 0x1FF;
        result |= (mode & 0xF000) switch
        {
            0x4000 => 1u << 31,
            0xA000 => 1u << 27,
            0x1000 => 1u << 25,
            0xC000 => 1u << 24,
            0x6000 => 1u << 26,
            0x2000 => (1u << 26) | (1u << 21),
            _ => 0,
        };
        result |= (mode & 0x800) != 0 ? 1u << 23 : 0;
        result |= (mode & 0x400) != 0 ? 1u << 22 : 0;
        result |= (mode & 0x200) != 0 ? 1u << 20 : 0;
        return result;
    }

    /// <summary>The copier writes the tar with synchronous calls in places; Kestrel refuses them by default.</summary>
    private static void AllowSynchronousIo(HttpContext http)
    {
        if (http.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }
    }
}
