using System.Net.Sockets;

namespace Modular.Api.Tests.FieldCases;

/// <summary>An HttpClient whose every connection goes to one unix socket, as curl --unix-socket.</summary>
internal static class UnixSocketHttp
{
    public static HttpClient Create(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://d"), Timeout = TimeSpan.FromSeconds(60) };
    }
}
