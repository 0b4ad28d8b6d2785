using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Clients escape the slashes of a name inside one path segment
/// (/images/localhost%2Fbusybox/json); Kestrel decodes every escape but %2F, and Podman's
/// handlers unescape the name. Decoding it here, before routing, lets the routes that take
/// a name with slashes see the name the client meant.
/// </summary>
public sealed class EncodedSlashMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value;
        if (path is not null && path.Contains("%2f", StringComparison.OrdinalIgnoreCase))
        {
            http.Request.Path = new PathString(
                path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
        }

        return next(http);
    }
}
