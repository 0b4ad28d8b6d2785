using System.Net.Sockets;
using Modular.Contracts.Errors;

namespace Modular.Api;

/// <summary>
/// The service replaces a socket file left by a service that died, but never one another
/// service still answers on: that one would silently stop getting connections.
/// </summary>
public static class SocketInUse
{
    /// <summary>Throws Podman's bind error when something accepts on <paramref name="path"/>.</summary>
    /// <exception cref="BackendException">Another process listens on the socket.</exception>
    public static void Refuse(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            return; // Nobody listens: a stale file the bind may replace.
        }

        // Podman's net.Listen fails on the existing path; this is its text.
        throw new BackendException(
            $"unable to create socket: listen unix {path}: bind: address already in use");
    }
}
