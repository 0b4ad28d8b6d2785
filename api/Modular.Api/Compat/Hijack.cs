using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Modular.Api.Http;
using Modular.Api.Shared;

namespace Modular.Api.Compat;

/// <summary>
/// The connection Docker's attach and exec start take over: with <c>Upgrade: tcp</c> it
/// answers 101 and becomes a raw duplex stream (stdin in, output out, a half-close of the
/// client's side is stdin's EOF); without it, a 200 response streamed until the end.
/// </summary>
public sealed record Hijack(Stream Input, Stream Output)
{
    public static async Task<Hijack> TakeAsync(HttpContext http, bool tty, string? contentType = null)
    {
        contentType ??= tty ? HijackedConnection.RawStream : HijackedConnection.MultiplexedStream;
        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is { IsUpgradableRequest: true })
        {
            http.Response.Headers.ContentType = contentType;
            http.Response.Headers.Upgrade = "tcp";
            var duplex = await upgrade.UpgradeAsync();
            return new Hijack(new HalfClosedStdin(duplex, HalfCloseConnection.HalfClosed(http)), duplex);
        }

        // Kestrel offers no upgrade to a request with a body (exec start has one); the
        // answer is then written on the connection itself, which ends with the stream.
        if (http.Request.Headers.Upgrade.ToString() == "tcp"
            && http.Features.Get<IConnectionTransportFeature>()?.Transport is { } transport)
        {
            var head = "HTTP/1.1 101 Switching Protocols\r\nContent-Type: " + contentType
                + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
            await transport.Output.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head), http.RequestAborted);
            await transport.Output.FlushAsync(http.RequestAborted);
            var raw = new RawConnectionStream(transport);
            return new Hijack(new HalfClosedStdin(transport.Input.AsStream(), HalfCloseConnection.HalfClosed(http)), raw);
        }

        http.Response.ContentType = contentType;
        await http.Response.StartAsync(http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        return new Hijack(http.Request.Body, http.Response.Body);
    }

    /// <summary>Output streams for the engine: framed without a terminal, raw with one.</summary>
    public (Stream Stdout, Stream Stderr) OutputStreams(bool tty)
    {
        if (tty)
        {
            return (Output, Output);
        }

        var gate = new SemaphoreSlim(1, 1);
        return (new MultiplexedStream(Output, 1, gate), new MultiplexedStream(Output, 2, gate));
    }
}
