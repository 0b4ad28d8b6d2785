using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Modular.Api.Shared;

/// <summary>
/// Attach and exec start take over the connection: with <c>Upgrade: tcp</c> the answer is
/// 101 and the socket becomes a raw duplex stream; without it, 200 and the body streams
/// until the process ends (no stdin then).
/// </summary>
public static class HijackedConnection
{
    public const string RawStream = "application/vnd.docker.raw-stream";

    public const string MultiplexedStream = "application/vnd.docker.multiplexed-stream";

    /// <summary>Answers the request and returns (input or null, output).</summary>
    public static async Task<(Stream? Input, Stream Output)> OpenAsync(HttpContext http, bool tty)
    {
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        http.Response.Headers.ContentType = tty ? RawStream : MultiplexedStream;
        if (upgrade is { IsUpgradableRequest: true })
        {
            http.Response.Headers.Connection = "Upgrade";
            http.Response.Headers.Upgrade = "tcp";
            var duplex = await upgrade.UpgradeAsync();
            return (duplex, duplex);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.StartAsync(http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        return (null, http.Response.Body);
    }
}
