using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Api.Http;

/// <summary>
/// Lets the container catch-all (an image name with decoded slashes, asking for its
/// changes) match only paths that end in <c>/changes</c>. Any other path falls through to
/// routing's own answer, so GET on a POST-only route such as <c>containers/create</c> stays
/// 405 rather than becoming the catch-all's 404.
/// </summary>
public sealed class ChangesPathConstraint : IRouteConstraint
{
    public const string Name = "changespath";

    public bool Match(
        HttpContext? httpContext,
        IRouter? route,
        string routeKey,
        RouteValueDictionary values,
        RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && value?.ToString() is { } path
        && path.EndsWith("/changes", StringComparison.Ordinal);
}
