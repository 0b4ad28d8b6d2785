using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Modular.Api.Http;

/// <summary>
/// Bounds request bodies: the route's <see cref="BodyLimit"/> or the service's default.
/// A declared length over the limit is refused with 413 before the handler runs, whether
/// or not the route reads its body; a chunked body is cut by Kestrel when it passes the
/// limit, and the error middleware answers that with 413 too.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is { } raised
            && feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = raised.Bytes;
        }

        if (feature?.MaxRequestBodySize is { } limit && http.Request.ContentLength > limit)
        {
            // Kestrel's own wording for the same refusal, in Docker's error object.
            await ApiError.WriteAsync(
                http,
                StatusCodes.Status413PayloadTooLarge,
                $"Request body too large. The max request body size is {limit} bytes.");
            return;
        }

        await next(http);
    }
}
