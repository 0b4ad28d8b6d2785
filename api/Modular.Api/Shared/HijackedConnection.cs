using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Modular.Api.Http;

namespace Modular.Api.Shared;

/// <summary>
/// Attach and exec start take over the connection: with <c>Upgrade: tcp</c> the answer is
/// 101, without it 200, and either way the socket itself carries the streams (written on
/// the transport: Kestrel neither upgrades a request with a body nor answers unchunked).
/// Where the transport is not reachable, Kestrel's upgrade or a chunked 200 stand in.
/// </summary>
public sealed class HijackedConnection : IAsyncDisposable
{
    public const string RawStream = "application/vnd.docker.raw-stream";

    public const string MultiplexedStream = "application/vnd.docker.multiplexed-stream";

    private readonly HttpContext _http;
    private readonly IDuplexPipe? _transport;

    private HijackedConnection(HttpContext http, Stream? input, Stream output, IDuplexPipe? transport)
    {
        _http = http;
        Input = input;
        Output = output;
        _transport = transport;
    }

    /// <summary>The client's bytes (stdin), or null when the connection was not hijacked.</summary>
    public Stream? Input { get; }

    public Stream Output { get; }

    public static async Task<HijackedConnection> OpenAsync(
        HttpContext http,
        bool tty,
        string? contentType = null)
    {
        contentType ??= tty ? RawStream : MultiplexedStream;
        var upgrading = http.Request.Headers.Upgrade.Count > 0;
        if (RawConnections.Find(http) is { } transport)
        {
            return await OpenRawAsync(http, transport, contentType, upgrading);
        }

        var upgrade = http.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is { IsUpgradableRequest: true })
        {
            http.Response.Headers.ContentType = contentType;
            http.Response.Headers.Connection = "Upgrade";
            http.Response.Headers.Upgrade = "tcp";
            var duplex = await upgrade.UpgradeAsync();
            return new HijackedConnection(http, duplex, duplex, null);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.Headers.ContentType = contentType;
        await http.Response.StartAsync(http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        return new HijackedConnection(http, null, http.Response.Body, null);
    }

    private static async Task<HijackedConnection> OpenRawAsync(
        HttpContext http,
        IDuplexPipe transport,
        string contentType,
        bool upgrading)
    {
        // The body was read by the route; what follows on the socket is the client's stdin.
        // Podman's and Docker's clients read the socket itself after the head, with or
        // without Upgrade, so the stream is never chunked.
        var status = upgrading ? "101 UPGRADED" : "200 OK";
        var connection = upgrading ? "Upgrade\r\nUpgrade: tcp" : "close";
        var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n"
            + $"Api-Version: {ApiVersions.DockerMaximum}\r\nConnection: {connection}\r\n\r\n";
        await transport.Output.WriteAsync(Encoding.ASCII.GetBytes(head), http.RequestAborted);
        await transport.Output.FlushAsync(http.RequestAborted);
        return new HijackedConnection(
            http,
            transport.Input.AsStream(leaveOpen: true),
            new PipeFlushingStream(transport.Output),
            transport);
    }

    public async ValueTask DisposeAsync()
    {
        await Output.FlushAsync(CancellationToken.None);
        if (_transport is not null)
        {
            // An abort drops what the transport has not sent yet (an exec's last error line):
            // completing the output lets it send the rest and close; then the abort keeps
            // Kestrel from writing a response of its own after ours.
            await _transport.Output.CompleteAsync();
            await ClosedAsync(HalfCloseConnection.PeerClosed(_http), TimeSpan.FromSeconds(2));
            _http.Abort();
        }
        else if (Input is not null)
        {
            await Input.DisposeAsync();
        }
    }

    private static async Task ClosedAsync(CancellationToken closed, TimeSpan bound)
    {
        try
        {
            await Task.Delay(bound, closed);
        }
        catch (OperationCanceledException)
        {
            // Closed: everything queued was sent.
        }
    }
}
