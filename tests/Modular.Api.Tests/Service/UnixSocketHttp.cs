using System.Net.Sockets;

namespace Modular.Api.Tests.Service;

/// <summary>An HttpClient whose every connection goes to one unix socket.</summary>
public static class UnixSocketHttp
{
    public static HttpClient Create(string socketPath) =>
        new(new SocketsHttpHandler
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
        })
        {
            BaseAddress = new Uri("http://d"),
            Timeout = TimeSpan.FromSeconds(60),
        };
}
