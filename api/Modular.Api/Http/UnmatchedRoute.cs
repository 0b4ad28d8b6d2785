using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Api.Http;

/// <summary>
/// What no route took: 405 when a route serves the path under another method (as Podman
/// and Docker answer), else 404. The fallback route would otherwise win over routing's
/// own 405, since it matches every path.
/// </summary>
public static class UnmatchedRoute
{
    public static Task WriteAsync(HttpContext http)
    {
        var sources = http.RequestServices.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var path = http.Request.Path.Value ?? "/";
        var otherMethod = sources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .Any(e => e.RoutePattern.RawText is { } raw && !raw.Contains("{*", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary())
                    .TryMatch(path, new RouteValueDictionary()));
        return otherMethod
            ? ApiError.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, "method not allowed")
            : ApiError.WriteAsync(http, StatusCodes.Status404NotFound, "page not found");
    }
}
