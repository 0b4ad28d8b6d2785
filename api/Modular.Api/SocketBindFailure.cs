using System.Net.Sockets;
using Modular.Contracts.Errors;

namespace Modular.Api;

/// <summary>
/// A unix socket the service could not bind, said as Podman says it, naming the path;
/// Kestrel's own text names neither the path nor the call.
/// </summary>
public static class SocketBindFailure
{
    public static BackendException For(string path, Exception error)
    {
        var reason = Innermost(error) switch
        {
            // .NET reports bind(2)'s ENOENT on a unix socket (a directory that takes no new
            // files, such as /proc) as AddressNotAvailable.
            SocketException { SocketErrorCode: SocketError.AddressNotAvailable } => "no such file or directory",
            SocketException { SocketErrorCode: SocketError.AccessDenied } => "permission denied",
            SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => "address already in use",
            var other => other.Message.ToLowerInvariant(),
        };
        return new BackendException($"unable to create socket: listen unix {path}: bind: {reason}", error);
    }

    private static Exception Innermost(Exception error) =>
        error.InnerException is { } inner ? Innermost(inner) : error;
}
