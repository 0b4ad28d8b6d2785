using Microsoft.AspNetCore.Http;

namespace Modular.Api.Http;

/// <summary>
/// Ends an upload the client cut off. The half-close layer hides the client's FIN from
/// Kestrel (hijacking clients half-close and keep reading), so a body that stops short
/// would leave its read waiting for ever, with the route's temporary files and its
/// in-flight count held. Kestrel reads a request body from the connection only when the
/// route asks for more, so a half-close seen before the body's end means it was cut off.
/// </summary>
public static class UploadGuard
{
    /// <summary>Watches the request's body until the returned handle is disposed.</summary>
    public static IDisposable Watch(HttpContext http)
    {
        var body = new CountingStream(http.Request.Body);
        http.Request.Body = body;
        var watch = new Watcher();
        _ = HalfCloseConnection.HalfClosed(http).ContinueWith(
            _ =>
            {
                if (!watch.Done && !body.Ended(http.Request.ContentLength))
                {
                    http.Abort();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return watch;
    }

    private sealed class Watcher : IDisposable
    {
        public volatile bool Done;

        public void Dispose() => Done = true;
    }
}
