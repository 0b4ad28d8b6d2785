using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Modular.Api.Shared;

/// <summary>
/// The connections Kestrel serves, by id, so a request can take over its own socket.
/// Docker's and Podman's clients ask to hijack exec start with a JSON body and
/// <c>Upgrade: tcp</c>; Kestrel ignores an upgrade on a request with a body (it only
/// upgrades bodiless ones), so such a request answers on the transport itself.
/// Registered after TLS, so the transport seen here carries plain HTTP.
/// </summary>
public static class RawConnections
{
    private static readonly ConcurrentDictionary<string, IDuplexPipe> Open = new();

    /// <summary>
    /// Registers the transport as it is now. Called before the half-close middleware
    /// (HalfCloseConnection) wraps it, so a hijacked libpod stream sees the client's end of
    /// input as EOF, which Podman's client relies on, where the HTTP layer does not.
    /// </summary>
    public static void Track(ListenOptions listen) => listen.Use(next => async connection =>
    {
        Open[connection.ConnectionId] = connection.Transport;
        try
        {
            await next(connection);
        }
        finally
        {
            Open.TryRemove(connection.ConnectionId, out _);
        }
    });

    public static IDuplexPipe? Find(HttpContext http) =>
        Open.TryGetValue(http.Connection.Id, out var transport) ? transport : null;
}
