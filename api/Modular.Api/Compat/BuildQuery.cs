using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modular.Api.Http;
using Modular.Contracts.Errors;
using Modular.Engine.Build;
using Modular.Engine.Registry;

namespace Modular.Api.Compat;

/// <summary>
/// The checks Podman's build handler makes before it reads the context, for /build and
/// /libpod/build: the body's Content-Type (libpod only), <c>remote</c>, <c>platform</c>
/// (a comma-separated list) and <c>cachefrom</c>. Each failure is a 400 (or 500) naming
/// the parameter as Podman words it, sent before any build output.
/// </summary>
public static partial class BuildQuery
{
    /// <summary>Runs every check; returns the platform to build, or null for the host's.</summary>
    public static string? Check(HttpContext http, bool libpod)
    {
        if (libpod)
        {
            CheckContentType(http.Request.Headers.ContentType.ToString());
            CheckRemote(http.Request.Query["remote"].ToString());
        }

        CheckCacheFrom(http.Request.Query);
        return Platform(http.Request.Query["platform"]);
    }

    /// <summary>A tar (or nothing said) is a context; the libpod tree refuses other types.</summary>
    private static void CheckContentType(string header)
    {
        if (header.Length == 0)
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(header, out var type))
        {
            throw BadParameter("Content-Type", header, "mime: no media type");
        }

        if (type.MediaType is "application/x-tar" or "application/tar")
        {
            return;
        }

        if (type.MediaType == "multipart/form-data")
        {
            // Limitation: additional build contexts sent as multipart parts are not read.
            throw new ApiException(StatusCodes.Status500InternalServerError,
                "multipart/form-data build contexts are not supported by this service");
        }

        throw BadParameter("Content-Type", header,
            $"Content-Type: {header} is not supported. Should be \"application/x-tar\"");
    }

    /// <summary>
    /// Limitation: a context named by URL (a git repository or an archive) would be fetched
    /// by the service; this service builds only the uploaded context and refuses the URL
    /// before any network traffic, as Podman does when it cannot clone (500).
    /// </summary>
    private static void CheckRemote(string remote)
    {
        if (remote.Length > 0)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                $"downloading build context \"{remote}\": remote build contexts are not supported "
                + "by this service; send the context as a tar body",
                "remote build contexts are not supported by this service");
        }
    }

    /// <summary>
    /// cachefrom: a JSON list of repositories. Docker clients send "[]" on every build;
    /// a non-empty list is refused, since this builder keeps its cache in the store only.
    /// </summary>
    private static void CheckCacheFrom(IQueryCollection query)
    {
        if (!query.TryGetValue("cachefrom", out var values))
        {
            return;
        }

        var text = values.ToString();
        string[]? names;
        try
        {
            names = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException e)
        {
            throw BadParameter("cachefrom", text, e.Message);
        }

        if (names is { Length: > 0 })
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                $"cachefrom {text}: a remote layer cache is not supported by this builder");
        }
    }

    /// <summary>Every listed platform parses (400 otherwise); only the host's is built.</summary>
    private static string? Platform(Microsoft.Extensions.Primitives.StringValues values)
    {
        var specs = values.SelectMany(v => (v ?? "").Split(',')).ToList();
        if (specs.Count == 0 || specs is [""])
        {
            return null;
        }

        var platforms = new List<(string Typed, Engine.Registry.Platform Parsed)>();
        foreach (var spec in specs)
        {
            try
            {
                platforms.Add((spec, PlatformSpecifier.ParseOne(spec)));
            }
            catch (InvalidInputException e)
            {
                throw BadParameter("platform", spec, e.Message, "invalid argument");
            }
        }

        foreach (var (typed, parsed) in platforms)
        {
            BuildPlatform.CheckBuildable(typed, parsed);
        }

        return platforms.Select(p => p.Parsed).Distinct().Count() == 1 ? platforms[0].Parsed.ToString()
            : throw new CapabilityMissingException(
                $"--platform {string.Join(',', specs)}: a multi-platform build is not supported");
    }

    /// <summary>Podman's GetBadRequestError: the parameter, its value quoted, the reason.</summary>
    private static ApiException BadParameter(
        string name,
        string value,
        string reason,
        string? cause = null) =>
        new(StatusCodes.Status400BadRequest,
            $"failed to parse query parameter '{name}': {Quoted(value)}: {reason}",
            cause ?? reason);

    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
