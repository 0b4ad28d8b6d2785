using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Modular.Api.Http;

/// <summary>
/// Connection middleware putting a <see cref="HalfCloseReader"/> in front of every
/// connection, and the way a hijacking route finds it again.
/// </summary>
public static class HalfCloseConnection
{
    private const string Key = "modular.half-close";
    private const string PeerClosedKey = "modular.peer-closed";

    public static ConnectionDelegate Wrap(ConnectionDelegate next) => connection =>
    {
        var reader = new HalfCloseReader(connection.Transport.Input);
        connection.Items[Key] = reader;
        connection.Transport = new Duplex(reader, connection.Transport.Output);

        // The transport reports the client's FIN as the connection closing, and the HTTP
        // layer then aborts its output; the output ends when the writes fail instead.
        // The transport's own token is kept for routes that send without reading.
        connection.Items[PeerClosedKey] = connection.ConnectionClosed;
        connection.ConnectionClosed = reader.Ended;
        return next(connection);
    };

    /// <summary>Completes when the client shut its write side; never for other hosts.</summary>
    public static Task HalfClosed(HttpContext http) =>
        http.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(Key, out var value) == true
            && value is HalfCloseReader reader
            ? reader.HalfClosed
            : Task.Delay(Timeout.Infinite);

    /// <summary>
    /// Cancelled when the client closed its side, seen by the transport even while nothing
    /// reads the request (a follower that only writes); never for other hosts.
    /// </summary>
    public static CancellationToken PeerClosed(HttpContext http) =>
        http.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(PeerClosedKey, out var value) == true
            && value is CancellationToken token
            ? token
            : CancellationToken.None;

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
