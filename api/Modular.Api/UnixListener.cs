using System.Net.Sockets;

namespace Modular.Api;

/// <summary>
/// The service's unix socket, bound here rather than by Kestrel: Kestrel removes the
/// socket file it bound when it stops, whoever owns that path by then, and a service that
/// drains late would take away the socket of a newer service on the same path. Given the
/// bound descriptor, Kestrel serves it and leaves the file alone; ApiServer removes it
/// only while it is still the one bound here.
/// </summary>
public static class UnixListener
{
    public static Socket Bind(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));

            // Root only, as Podman's: the socket is the engine with root's rights. Set before
            // listening, so no client connects while the umask's mode stands.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketBindFailure.For(path, e);
        }
    }
}
