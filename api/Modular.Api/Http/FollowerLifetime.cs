using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Modular.Api.Http;

/// <summary>
/// How long a following stream (events) may run: until the client goes or the service
/// stops. The half-close layer keeps a client's FIN from aborting the request (Docker
/// clients half-close after stdin), so a plain follower would notice a departed client
/// only at its next write and hold its file and its in-flight count (idle timeout) until
/// then; and a stopping host would wait out its shutdown timeout for it. A follower reads
/// nothing after the request's head, so the transport's own close signal is the one that
/// tells.
/// </summary>
public static class FollowerLifetime
{
    public static CancellationTokenSource For(HttpContext http)
    {
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted, stopping, HalfCloseConnection.PeerClosed(http));
    }
}
