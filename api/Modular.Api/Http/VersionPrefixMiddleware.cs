using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Every route answers bare and under a version prefix (/v1.41/containers/json,
/// /v5.0.0/libpod/...). The prefix is taken off the path here, once, and kept in
/// <see cref="ApiRequest.Version"/>, so routes are declared only bare.
/// </summary>
public sealed partial class VersionPrefixMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var match = Prefix().Match(path);
        if (match.Success)
        {
            http.Items[ApiRequest.VersionKey] = match.Groups[1].Value;
            http.Request.PathBase = http.Request.PathBase.Add(match.Value);
            http.Request.Path = path[match.Length..];
        }

        return next(http);
    }

    // Podman's route pattern (/v{version:[0-9][0-9A-Za-z.-]*}), and like Podman no bound
    // on it: a client's /v9.99/ or /v1.0/ is served, not refused as too new or too old,
    // except by the few routes that check a level of their own (libpod networks: >= 4).
    [GeneratedRegex(@"^/v([0-9][0-9A-Za-z.-]*)(?=/)")]
    private static partial Regex Prefix();
}
